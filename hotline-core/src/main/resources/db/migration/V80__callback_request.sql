-- A caller who pressed 1 in the queue to be called back (docs/telephony.md, "Callback instead of waiting").
-- caller_number is sealed to its row (FieldCipher, AAD callback_request/caller_number/id) and dropped as soon as the
-- callback is made, not reached, given up at closing, or after hotline.retention.callback-number.
create table callback_request (
    id           uuid primary key,
    call_id      text not null unique,
    line         text not null,
    site         text not null,
    caller_number text,
    state        text not null,
    requested_at timestamptz not null,
    holder       text,
    lease_until  timestamptz,
    dialled_at   timestamptz,
    closed_at    timestamptz
);
-- The next due request of a line (claim) and today's counts (board).
create index callback_request_due on callback_request (line, requested_at) where state in ('REQUESTED', 'CLAIMED');
create index callback_request_requested on callback_request (requested_at);
