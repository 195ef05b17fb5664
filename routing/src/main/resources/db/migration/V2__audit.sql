-- Who read or changed which referral, when, and why. Append-only: the
-- application may insert and select, never update or delete; a trigger refuses
-- it even for the table's owner. Retention of the audit log is a DBA task.
CREATE TABLE audit_entry (
    id           bigserial PRIMARY KEY,
    at           timestamptz NOT NULL,
    actor        text        NOT NULL,
    actor_role   text        NOT NULL,
    organisation text,
    action       text        NOT NULL,
    record_type  text        NOT NULL,
    record_id    text        NOT NULL,
    reason       text
);
CREATE INDEX audit_entry_record ON audit_entry (record_type, record_id);
CREATE INDEX audit_entry_actor_at ON audit_entry (actor, at);

CREATE FUNCTION audit_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_entry is append-only';
END;
$$;

CREATE TRIGGER audit_entry_no_update BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_is_append_only();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_is_append_only();

REVOKE UPDATE, DELETE, TRUNCATE ON audit_entry FROM PUBLIC;
REVOKE UPDATE, DELETE, TRUNCATE ON audit_entry FROM CURRENT_USER;
