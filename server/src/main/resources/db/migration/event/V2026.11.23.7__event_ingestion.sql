alter table event
    add column event_id    text,
    add column properties  jsonb,
    add column received_at timestamptz;
-- A client event id is unique per tenant together with its timestamp (the partition key must be part of
-- every unique index of a partitioned table); a re-sent event carries both unchanged, so it is a no-op.
create unique index event_idempotency_idx on event (tenant_id, event_id, occurred_at);

-- Tenant-defined event types; the built-in ones (codes below 100) live in code.
create table event_type
(
    tenant_id    bigint      not null,
    code         smallint    not null check (code >= 100),
    name         text        not null check (name ~ '^[a-z][a-z0-9_]{1,47}$'),
    display_name text        not null,
    properties   jsonb       not null default '{}',
    created_at   timestamptz not null default now(),
    primary key (tenant_id, code),
    unique (tenant_id, name)
);
select siyu_isolate_tenant('event_type');
