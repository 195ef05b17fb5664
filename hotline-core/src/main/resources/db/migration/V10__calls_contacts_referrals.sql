-- Calls as the advisors see them: one row per call id with its latest state,
-- fed by the telephony adapter's life-cycle events (hotline.calls).
-- The caller's number never reaches core: only the adapter's keyed hash.
CREATE TABLE call_record (
    call_id          text PRIMARY KEY,
    state            text        NOT NULL,
    line             text,
    site             text,
    queue            text,
    advisor_endpoint text,
    caller_hash      text,
    offered_at       timestamptz,
    connected_at     timestamptz,
    ended_at         timestamptz,
    last_event_at    timestamptz NOT NULL,
    wait_seconds     bigint,
    talk_seconds     bigint,
    end_reason       text,
    updated_at       timestamptz NOT NULL
);
CREATE INDEX call_record_connected ON call_record (connected_at) WHERE connected_at IS NOT NULL;

-- Consumed event ids (ce_id): a redelivered event is recognised and changes nothing.
CREATE TABLE processed_event (
    event_id     text PRIMARY KEY,
    consumer     text        NOT NULL,
    processed_at timestamptz NOT NULL
);

-- A contact (henvendelse) and its advice log: a draft until finalised, then immutable
-- except through amendments. At most one contact per call.
CREATE TABLE contact (
    id                uuid PRIMARY KEY,
    call_id           text UNIQUE REFERENCES call_record (call_id),
    channel           text        NOT NULL,
    line              text        NOT NULL,
    site              text        NOT NULL,
    advisor_endpoint  text,
    created_by        text,
    status            text        NOT NULL CHECK (status IN ('DRAFT', 'FINAL')),
    caller_role       text,
    caller_sector     text,
    concern_category  text,
    age_band          text,
    municipality_code text,
    advice_themes     text,
    summary           text CHECK (char_length(summary) <= 4000),
    outcome           text,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    updated_by        text,
    finalised_at      timestamptz,
    finalised_by      text,
    version           bigint      NOT NULL DEFAULT 0
);
CREATE INDEX contact_site_status ON contact (site, status, created_at DESC);
CREATE INDEX contact_endpoint_drafts ON contact (advisor_endpoint) WHERE status = 'DRAFT';

-- A correction of a finalised log: who, when, why, and the fields before and after (JSON).
CREATE TABLE contact_amendment (
    id          uuid PRIMARY KEY,
    contact_id  uuid        NOT NULL REFERENCES contact (id),
    amended_at  timestamptz NOT NULL,
    amended_by  text        NOT NULL,
    reason      text        NOT NULL CHECK (char_length(reason) BETWEEN 1 AND 1000),
    before_json text        NOT NULL,
    after_json  text        NOT NULL
);
CREATE INDEX contact_amendment_contact ON contact_amendment (contact_id, amended_at);

-- A concern handed on. One per contact (a double-click cannot make two);
-- written in the same transaction as its outbox event.
CREATE TABLE referral (
    id                uuid PRIMARY KEY,
    contact_id        uuid        NOT NULL UNIQUE REFERENCES contact (id),
    idempotency_key   text UNIQUE,
    line              text        NOT NULL,
    site              text        NOT NULL,
    severity          text        NOT NULL,
    acute             boolean     NOT NULL,
    created_at        timestamptz NOT NULL,
    deadline_at       timestamptz NOT NULL,
    municipality_code text,
    age_band          text        NOT NULL,
    concern_category  text,
    legal_basis       text        NOT NULL,
    description       text        NOT NULL CHECK (char_length(description) <= 4000),
    caller_name       text,
    caller_phone      text,
    caller_email      text,
    created_by        text        NOT NULL,
    CHECK (legal_basis = 'CONSENT' OR (caller_name IS NULL AND caller_phone IS NULL AND caller_email IS NULL)),
    CHECK (line = 'COPENHAGEN_LOCAL' OR municipality_code IS NOT NULL)
);
CREATE INDEX referral_created ON referral (created_at DESC);
