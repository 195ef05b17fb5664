-- What a recipient recorded as the outcome of an accepted referral (referral-status.v1 OUTCOME_RECORDED): a code,
-- never free text. Counted by the statistics (confirmed concerns, cases started).
ALTER TABLE referral_status ADD COLUMN outcome varchar(40);
CREATE INDEX referral_status_statistics ON referral_status (referral_id) INCLUDE (status, recipient_id, occurred_at, deadline_at, outcome);
