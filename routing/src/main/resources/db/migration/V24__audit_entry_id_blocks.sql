-- Audit entry ids in blocks of 50 (issue 15): the application takes a block per nextval (Hibernate's pooled
-- sequence, AuditEntry), so an entry is written at flush with the transaction's other rows and many entries in one
-- batch, instead of one round trip each for an IDENTITY id. An insert that uses the column default still gets a value
-- no block contains (each nextval is the start of its own block). Ids no longer follow time across instances: the
-- trail is read newest first by "at", hence its index.
ALTER SEQUENCE audit_entry_id_seq INCREMENT BY 50;
CREATE INDEX audit_entry_at ON audit_entry (at);
