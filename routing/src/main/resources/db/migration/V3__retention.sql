-- Retention (docs/data-inventory.md): an anonymised copy keeps its routing
-- statistics and loses free text and contact details; when that happened is kept.
ALTER TABLE referral ADD COLUMN anonymised_at timestamptz;
CREATE INDEX referral_retention ON referral (created_at) WHERE anonymised_at IS NULL;
CREATE INDEX outbox_event_published ON outbox_event (published_at) WHERE published_at IS NOT NULL;
