-- What became of each referral: routing's status events (hotline.deliveries), one row per event id.
create table referral_status (
    event_id       varchar(200) primary key,
    referral_id    uuid         not null,
    status         varchar(40)  not null,
    recipient_id   varchar(64),
    recipient_name varchar(200),
    reason         text,
    occurred_at    timestamptz  not null,
    deadline_at    timestamptz,
    received_at    timestamptz  not null
);
create index referral_status_referral on referral_status (referral_id, occurred_at);
