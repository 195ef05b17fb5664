-- Issue 11: why a referral went where it did, as facts (rule, place, district, recipient, copy; JSON), so the
-- recipients' pages word it in Danish while the API, events and audit keep the English sentence in `explanation`.
-- Rows routed before this change have none; their pages show the stored sentence.
ALTER TABLE referral ADD COLUMN routing_reason text;
