-- Saved segments: a rule whose members the segment engine keeps current, publishing who enters and exits.
create table segment
(
    tenant_id       bigint      not null references tenant (id),
    id              bigint generated always as identity,
    name            text        not null,
    description     text,
    rule            jsonb       not null,
    -- a rule tag: the segment keeps this tag equal to its members
    tag_id          int,
    size            bigint      not null default 0,
    uses_sql        boolean     not null default false,
    created_by_id   bigint,
    created_by_name text,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    evaluated_at    timestamptz,
    primary key (tenant_id, id),
    unique (tenant_id, name)
);
select siyu_isolate_tenant('segment');

-- Members as last compacted (RoaringBitmap's portable format); with the changes after it, the members as
-- last published. A restart publishes only what differs from that, so no change is published twice.
create table segment_snapshot
(
    tenant_id  bigint      not null,
    segment_id bigint      not null,
    members    bytea       not null,
    taken_at   timestamptz not null,
    primary key (tenant_id, segment_id)
);
select siyu_isolate_tenant('segment_snapshot');

create table segment_change
(
    tenant_id  bigint      not null,
    segment_id bigint      not null,
    seq        bigint generated always as identity,
    entered    bytea       not null,
    exited     bytea       not null,
    at         timestamptz not null default now(),
    primary key (tenant_id, segment_id, seq)
);
select siyu_isolate_tenant('segment_change');

-- Size at the end of each day (in the tenant's zone), with how many entered and exited that day.
create table segment_size
(
    tenant_id  bigint not null,
    segment_id bigint not null,
    day        date   not null,
    size       bigint not null,
    entered    bigint not null default 0,
    exited     bigint not null default 0,
    primary key (tenant_id, segment_id, day)
);
select siyu_isolate_tenant('segment_size');
