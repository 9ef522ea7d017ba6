-- A tenant's own level rules for a layer (none: the built-in ones), its RFM scoring, and daily snapshots of
-- who was in which level, for transition matrices.
create table layer_setting
(
    tenant_id  bigint      not null references tenant (id),
    layer      text        not null,
    levels     jsonb       not null,
    updated_at timestamptz not null default now(),
    updated_by text,
    primary key (tenant_id, layer)
);
select siyu_isolate_tenant('layer_setting');

create table rfm_setting
(
    tenant_id   bigint      not null references tenant (id) primary key,
    mode        text        not null check (mode in ('quintiles', 'thresholds')),
    recency     int[]       not null,
    frequency   int[]       not null,
    monetary    numeric[]   not null,
    high_from   int         not null,
    computed_at timestamptz,
    updated_at  timestamptz not null default now()
);
select siyu_isolate_tenant('rfm_setting');

create table layer_snapshot
(
    tenant_id bigint not null,
    layer     text   not null,
    day       date   not null,
    level     text   not null,
    size      bigint not null,
    members   bytea  not null,
    primary key (tenant_id, layer, day, level)
);
select siyu_isolate_tenant('layer_snapshot');
