-- Records core's consumers could not use (calls, referral statuses): SmallRye sent each to <topic>.dlq with its
-- reason, and core lists it here for the supervisors (GET /api/supervisor/dead-letters/events). The payload stays on
-- the dead-letter topic only: here its place, ids and the reason (no personal data). Same shape as routing's (V21).
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
