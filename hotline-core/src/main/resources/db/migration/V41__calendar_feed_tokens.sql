-- Calendar clients cannot sign in with OIDC: each person creates a feed token for their calendar subscription
-- and may revoke it. Only the SHA-256 of the token is stored; the token itself is shown once.
CREATE TABLE calendar_feed_token (
    id         uuid PRIMARY KEY,
    token_hash text        NOT NULL UNIQUE,
    owner      text        NOT NULL,
    created_at timestamptz NOT NULL,
    revoked_at timestamptz
);
CREATE INDEX calendar_feed_token_owner ON calendar_feed_token (owner, created_at DESC);
