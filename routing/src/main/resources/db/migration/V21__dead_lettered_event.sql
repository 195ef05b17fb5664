-- Records routing's referral consumer could not use (unreadable, not the contract, missing fields): each was sent
-- to the dead-letter topic with its reason, and is listed here for the supervisors (GET
-- /api/supervisor/dead-letters/events). The payload stays on the dead-letter topic only: here its place, ids and
-- the reason (no personal data).
CREATE TABLE dead_lettered_event (
    id                bigserial   PRIMARY KEY,
    topic             text        NOT NULL,
    record_partition  integer     NOT NULL,
    record_offset     bigint      NOT NULL,
    record_key        text,
    event_id          text,
    event_type        text,
    reason            text        NOT NULL,
    dead_letter_topic text        NOT NULL,
    received_at       timestamptz NOT NULL,
    UNIQUE (topic, record_partition, record_offset)
);
