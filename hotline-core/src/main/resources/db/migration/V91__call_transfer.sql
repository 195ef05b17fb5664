-- A live call handed on by its advisor, with the log travelling along (docs/decisions/call-transfer.md).
--
-- call_transfer: one row per transfer asked for from the console. Written before the telephony adapter is asked (so
-- the CONNECTED that follows always finds it and its note), marked accepted when the adapter answered 202, deleted
-- when it did not. note is the first advisor's message to the receiver: free text, sealed to its row
-- (FieldCipher, AAD call_transfer/note/id), never logged, never on Kafka.
CREATE TABLE call_transfer (
    id              uuid PRIMARY KEY,
    call_id         text        NOT NULL,
    contact_id      uuid        REFERENCES contact (id) ON DELETE CASCADE,
    from_endpoint   text,
    requested_by    text,
    target          text        NOT NULL CHECK (target IN ('SITE', 'COORDINATION', 'COLLEAGUE')),
    target_site     text,
    target_endpoint text,
    note            text,
    requested_at    timestamptz NOT NULL,
    accepted_at     timestamptz,
    connected_at    timestamptz,
    to_endpoint     text
);
CREATE INDEX call_transfer_call ON call_transfer (call_id, requested_at);
CREATE INDEX call_transfer_contact ON call_transfer (contact_id);
COMMENT ON COLUMN call_transfer.note IS 'encrypted';

-- Every advisor who held a contact's call, in order: the first and each receiver ("both advisors on the log").
-- handed_on_at is set when that advisor's call went on to a colleague.
CREATE TABLE contact_advisor (
    id               uuid PRIMARY KEY,
    contact_id       uuid        NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    advisor_endpoint text        NOT NULL,
    site             text        NOT NULL,
    joined_at        timestamptz NOT NULL,
    handed_on_at     timestamptz,
    UNIQUE (contact_id, advisor_endpoint)
);

-- A call handed to the other site: that site's advisors read and write this one log too (the log is one log).
ALTER TABLE contact ADD COLUMN shared_site text;
