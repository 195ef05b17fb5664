-- Wakes the outbox relay when events commit: NOTIFY is delivered at commit (never for a rolled-back
-- transaction), once per transaction and channel, and costs the writer no extra round trip. The relay LISTENs on
-- hotline_outbox and still polls as a fallback (a notification is lost while its LISTEN connection is down).
CREATE FUNCTION outbox_event_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('hotline_outbox', '');
    RETURN NULL;
END;
$$;

CREATE TRIGGER outbox_event_notify AFTER INSERT ON outbox_event
    FOR EACH STATEMENT EXECUTE FUNCTION outbox_event_notify();
