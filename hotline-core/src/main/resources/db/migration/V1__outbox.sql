-- Events wait here until the relay has published them (transactional outbox).
CREATE TABLE outbox_event (
    id           uuid PRIMARY KEY,
    seq          bigserial   NOT NULL,
    topic        text        NOT NULL,
    record_key   text        NOT NULL,
    type         text        NOT NULL,
    subject      text,
    payload      text        NOT NULL,
    created_at   timestamptz NOT NULL,
    published_at timestamptz
);

-- The relay only ever looks at what is still unpublished, oldest first.
CREATE INDEX outbox_event_pending ON outbox_event (seq) WHERE published_at IS NULL;
