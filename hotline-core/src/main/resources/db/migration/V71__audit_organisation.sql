-- The audit trail is one shared entity (dk.hotline.platform.audit.AuditEntry) in core and routing; routing records the
-- recipient organisation acted for. Core has none: the column stays null here.
ALTER TABLE audit_entry ADD COLUMN organisation text;
