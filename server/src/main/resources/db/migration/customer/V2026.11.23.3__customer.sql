-- Customers keep a dense per-tenant number (id) so that the segment engine can index them in bitmaps.
create table customer
(
    tenant_id    bigint      not null references tenant (id),
    id           bigint      not null,
    display_name text        not null,
    gender       smallint    not null default 0 check (gender in (0, 1, 2)),
    city         smallint    not null default 0,
    member_level smallint    not null default 0 check (member_level between 0 and 3),
    member_since date,
    created_at   timestamptz not null default now(),
    primary key (tenant_id, id)
);
create index customer_created_idx on customer (tenant_id, created_at);
select siyu_isolate_tenant('customer');
