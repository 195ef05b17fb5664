-- Retention (docs/data-inventory.md): anonymised records keep their statistics
-- and lose free text, contact data, names and hashes; when that happened is kept.
ALTER TABLE contact ADD COLUMN anonymised_at timestamptz;
ALTER TABLE referral ADD COLUMN anonymised_at timestamptz;
ALTER TABLE referral ALTER COLUMN description DROP NOT NULL;
ALTER TABLE referral ALTER COLUMN created_by DROP NOT NULL;
ALTER TABLE call_record ADD COLUMN anonymised_at timestamptz;

CREATE INDEX contact_retention ON contact (status, updated_at) WHERE anonymised_at IS NULL;
CREATE INDEX referral_retention ON referral (created_at) WHERE anonymised_at IS NULL;
CREATE INDEX call_record_hash_retention ON call_record (offered_at) WHERE caller_hash IS NOT NULL;
CREATE INDEX outbox_event_published ON outbox_event (published_at) WHERE published_at IS NOT NULL;
