-- Free text and the caller's contact details are stored encrypted by the
-- application (AES-256-GCM, "<key id>:<base64>"), so the length limits move to
-- the API (400 naming the field); the database cannot measure ciphertext.
ALTER TABLE contact DROP CONSTRAINT IF EXISTS contact_summary_check;
ALTER TABLE referral DROP CONSTRAINT IF EXISTS referral_description_check;
ALTER TABLE contact_amendment DROP CONSTRAINT IF EXISTS contact_amendment_reason_check;
ALTER TABLE contact_amendment ADD CONSTRAINT contact_amendment_reason_present CHECK (reason <> '');

COMMENT ON COLUMN contact.summary IS 'encrypted (application key, see docs/data-inventory.md)';
COMMENT ON COLUMN contact_amendment.reason IS 'encrypted';
COMMENT ON COLUMN contact_amendment.before_json IS 'encrypted';
COMMENT ON COLUMN contact_amendment.after_json IS 'encrypted';
COMMENT ON COLUMN referral.description IS 'encrypted';
COMMENT ON COLUMN referral.caller_name IS 'encrypted';
COMMENT ON COLUMN referral.caller_phone IS 'encrypted';
COMMENT ON COLUMN referral.caller_email IS 'encrypted';
