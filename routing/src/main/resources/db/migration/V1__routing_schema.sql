-- Routing keeps: the referrals it received (with the routing decision), who sees each one in their inbox,
-- the webhook deliveries still to make (persisted so retries survive a restart), the status events to
-- publish (outbox), escalations and the delivery settings of the recipient directory.

create table referral (
    referral_id        varchar(64)  primary key,
    event_id           varchar(128) not null unique,  -- CloudEvent id: a redelivered event is recognised
    contact_id         varchar(64),
    line               varchar(32)  not null,
    handled_by_site    varchar(32)  not null,
    severity           varchar(16)  not null,
    acute              boolean      not null,
    created_at         timestamptz  not null,
    deadline_at        timestamptz  not null,
    municipality_code  varchar(8),
    age_band           varchar(16)  not null,
    concern_category   varchar(64),
    legal_basis        varchar(16),
    description        text,
    caller_name        text,
    caller_phone       text,
    caller_email       text,
    recipient_id       varchar(64)  not null,
    recipient_name     varchar(200) not null,
    routing_rule       varchar(40)  not null,
    explanation        text         not null,
    reference_version  varchar(40)  not null,
    received_at        timestamptz  not null,
    progress           varchar(16)  not null,
    delivered_at       timestamptz,
    acknowledged_at    timestamptz,
    decided_at         timestamptz,
    decision_reason    text,
    overdue_at         timestamptz
);
create index referral_overdue_due on referral (deadline_at) where acknowledged_at is null and overdue_at is null;

-- One row per organisation that sees the referral: the recipient (PRIMARY) and those informed (COPY).
create table inbox_entry (
    id              bigserial    primary key,
    referral_id     varchar(64)  not null references referral (referral_id),
    organisation_id varchar(64)  not null,
    role            varchar(8)   not null,
    created_at      timestamptz  not null,
    first_read_at   timestamptz,
    unique (referral_id, organisation_id)
);
create index inbox_entry_by_organisation on inbox_entry (organisation_id, created_at);

create table webhook_delivery (
    id               bigserial    primary key,
    referral_id      varchar(64)  not null references referral (referral_id),
    organisation_id  varchar(64)  not null,
    idempotency_key  varchar(140) not null unique,
    state            varchar(16)  not null,  -- PENDING, DELIVERED, DEAD
    attempts         integer      not null,
    next_attempt_at  timestamptz  not null,
    last_status      integer,
    last_error       text,
    created_at       timestamptz  not null,
    delivered_at     timestamptz,
    dead_at          timestamptz,
    unique (referral_id, organisation_id)
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where state = 'PENDING';

create table outbox_event (
    id            bigserial    primary key,
    event_id      uuid         not null unique,
    referral_id   varchar(64)  not null,
    type          varchar(80)  not null,
    payload       text         not null,
    created_at    timestamptz  not null,
    published_at  timestamptz
);
create index outbox_event_unpublished on outbox_event (id) where published_at is null;

create table escalation (
    id           bigserial    primary key,
    referral_id  varchar(64)  not null unique references referral (referral_id),
    site         varchar(32)  not null,
    reason       text         not null,
    created_at   timestamptz  not null
);
create index escalation_by_site on escalation (site, created_at);

create table delivery_settings (
    organisation_id  varchar(64)  primary key,
    mode             varchar(16)  not null,  -- INBOX, WEBHOOK
    webhook_url      text,
    webhook_secret   text,
    updated_at       timestamptz  not null,
    updated_by       varchar(200)
);

-- Ids handed out 50 at a time by Hibernate (pooled), so the inserts of a burst go in JDBC-style batches.
create sequence inbox_entry_ids increment by 50;
create sequence webhook_delivery_ids increment by 50;
create sequence escalation_ids increment by 50;
