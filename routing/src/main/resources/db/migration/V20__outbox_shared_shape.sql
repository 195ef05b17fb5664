-- One outbox shape for every service, published by the platform's OutboxRelay (issue 14; docs/decisions/outbox.md):
-- seq orders the rows, id is the CloudEvent id, record_key the Kafka key, topic null = the channel's own topic.
ALTER TABLE outbox_event RENAME COLUMN id TO seq;
ALTER TABLE outbox_event RENAME COLUMN event_id TO id;
ALTER TABLE outbox_event RENAME COLUMN referral_id TO record_key;
ALTER TABLE outbox_event ADD COLUMN topic text;
ALTER TABLE outbox_event ADD COLUMN subject text;
UPDATE outbox_event SET subject = record_key;
DROP INDEX outbox_event_unpublished;
CREATE INDEX outbox_event_pending ON outbox_event (seq) WHERE published_at IS NULL;
