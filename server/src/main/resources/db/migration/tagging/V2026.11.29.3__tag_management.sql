-- Tag groups of seed 001's kinds, personal and rule tags, where each assignment came from, and its history.
create table tag_group
(
    tenant_id  bigint      not null references tenant (id),
    id         int         not null,
    name       text        not null,
    kind       text        not null,
    position   int         not null default 0,
    created_at timestamptz not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, name),
    constraint tag_group_kind check (kind in ('follow_up', 'source', 'attribute', 'product', 'content', 'campaign'))
);

-- The owner moves every tenant's tags into groups once, so it must see past row-level security here.
alter table tag no force row level security;

insert into tag_group (tenant_id, id, name, kind, position)
select tenant_id,
       row_number() over w,
       group_name,
       case group_name
           when '跟进状态' then 'follow_up'
           when '来源' then 'source'
           when '产品' then 'product'
           when '内容' then 'content'
           when '活动' then 'campaign'
           else 'attribute'
           end,
       row_number() over w
from (select tenant_id, group_name, min(id) as first_id from tag group by tenant_id, group_name) g
window w as (partition by tenant_id order by first_id);

alter table tag
    add column group_id         int,
    add column owner_account_id bigint,
    add column segment_id       bigint,
    add column created_at       timestamptz not null default now();

update tag t
set group_id = g.id
from tag_group g
where g.tenant_id = t.tenant_id
  and g.name = t.group_name;

alter table tag
    alter column group_id set not null,
    drop column group_name,
    add foreign key (tenant_id, group_id) references tag_group (tenant_id, id);
-- A personal tag may share its name with the organisation's or another staff member's.
create unique index tag_name_idx on tag (tenant_id, group_id, name, coalesce(owner_account_id, 0));

alter table tag force row level security;
select siyu_isolate_tenant('tag_group');

-- Rows that exist now were bulk loaded; new rows say who or what set them.
alter table customer_tag
    add column source    text not null default 'import',
    add column tagged_by bigint,
    add column tagged_by_name text;
alter table customer_tag
    alter column source set default 'manual';

create table customer_tag_history
(
    tenant_id   bigint      not null,
    id          bigint generated always as identity,
    customer_id bigint      not null,
    tag_id      int         not null,
    -- names as they were: the tag may be renamed or deleted later
    tag_name    text        not null,
    group_name  text        not null,
    added       boolean     not null,
    source      text        not null,
    actor_id    bigint,
    actor_name  text,
    at          timestamptz not null default now(),
    primary key (tenant_id, id)
);
create index customer_tag_history_customer_idx on customer_tag_history (tenant_id, customer_id, id);
select siyu_isolate_tenant('customer_tag_history');
