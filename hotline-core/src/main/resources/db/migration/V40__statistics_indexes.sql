-- Statistics (docs/statistics.md): the report reads a period of finalised contacts, of calls and of referrals.
-- Covering indexes let PostgreSQL answer a year over 100,000 contacts from the index alone.
CREATE INDEX contact_statistics_created ON contact (created_at)
    INCLUDE (site, line, concern_category, caller_role, caller_sector, age_band, municipality_code, outcome)
    WHERE status = 'FINAL';
CREATE INDEX call_record_statistics_offered ON call_record (offered_at)
    INCLUDE (site, line, state, connected_at, wait_seconds, talk_seconds);
CREATE INDEX referral_statistics_created ON referral (created_at) INCLUDE (site, line, severity);
