create table tag
(
    tenant_id  bigint not null references tenant (id),
    id         int    not null,
    group_name text   not null,
    name       text   not null,
    primary key (tenant_id, id),
    unique (tenant_id, group_name, name)
);
select siyu_isolate_tenant('tag');

create table customer_tag
(
    tenant_id   bigint      not null,
    customer_id bigint      not null,
    tag_id      int         not null,
    tagged_at   timestamptz not null default now(),
    primary key (tenant_id, customer_id, tag_id)
);
create index customer_tag_by_tag_idx on customer_tag (tenant_id, tag_id);
select siyu_isolate_tenant('customer_tag');
