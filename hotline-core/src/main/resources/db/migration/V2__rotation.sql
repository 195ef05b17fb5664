-- The rotation is one small aggregate (pattern, month assignments, overrides,
-- opening hours, closures) edited as a whole by a handful of admins: it is kept
-- as one JSON document with a version for optimistic locking.
CREATE TABLE rotation_schedule (
    id         smallint PRIMARY KEY CHECK (id = 1),
    version    bigint      NOT NULL,
    document   text        NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by text        NOT NULL
);

-- Every change: who, when, what, and the schedule before and after.
CREATE TABLE rotation_change (
    id             uuid PRIMARY KEY,
    changed_at     timestamptz NOT NULL,
    changed_by     text        NOT NULL,
    description    text        NOT NULL,
    version_before bigint,
    version_after  bigint      NOT NULL,
    before_doc     text,
    after_doc      text        NOT NULL
);
CREATE INDEX rotation_change_at ON rotation_change (changed_at DESC);
