-- Issue 11: the inbox page's actions (forward, outcome) and e-mail notifications.

-- A forwarded referral: who had it before and why it was passed on (free text, sealed to the row like the
-- rejection reason); the outcome its recipient recorded (a code) with an optional note (free text, sealed).
ALTER TABLE referral ADD COLUMN forwarded_from    varchar(64);
ALTER TABLE referral ADD COLUMN forwarded_at      timestamptz;
ALTER TABLE referral ADD COLUMN forward_reason    text;
ALTER TABLE referral ADD COLUMN outcome           varchar(32);
ALTER TABLE referral ADD COLUMN outcome_note      text;
ALTER TABLE referral ADD COLUMN outcome_at        timestamptz;

-- A forwarded referral has a deadline per recipient, so it can be escalated once per recipient.
ALTER TABLE escalation DROP CONSTRAINT escalation_referral_id_key;
CREATE INDEX escalation_by_referral ON escalation (referral_id);

-- The organisation's functional mailbox (not a person's address), for notifications that carry only a link.
ALTER TABLE delivery_settings ADD COLUMN mailbox varchar(254);

-- E-mails to send (arrival, deadline near, overdue): written in the transaction of what causes them, sent by a
-- poller, so a crash loses none. The sweeper writes one DEADLINE_NEAR per referral and recipient (not exists).
CREATE TABLE mail_notification (
    id               bigserial    PRIMARY KEY,
    referral_id      varchar(64)  NOT NULL REFERENCES referral (referral_id),
    organisation_id  varchar(64)  NOT NULL,
    kind             varchar(16)  NOT NULL,  -- ARRIVED, DEADLINE_NEAR, OVERDUE
    state            varchar(16)  NOT NULL,  -- PENDING, SENT, DEAD
    attempts         integer      NOT NULL,
    next_attempt_at  timestamptz  NOT NULL,
    created_at       timestamptz  NOT NULL,
    sent_at          timestamptz
);
CREATE INDEX mail_notification_by_referral ON mail_notification (referral_id, organisation_id, kind);
CREATE INDEX mail_notification_due ON mail_notification (next_attempt_at) WHERE state = 'PENDING';
CREATE SEQUENCE mail_notification_ids INCREMENT BY 50;
