-- What each advisor's phone was last asked to be in its site's queue (signed in, paused with a reason, signed out),
-- kept by core so that it outlives the telephony adapter: the adapter reads it back after every AMI login and
-- re-asserts it at Asterisk (docs/decisions/queue-presence-owner.md). A phone endpoint name, never a person's.
CREATE TABLE queue_presence (
    endpoint   text PRIMARY KEY,
    site       text        NOT NULL,
    state      text        NOT NULL,
    reason     text,
    changed_at timestamptz NOT NULL
);
