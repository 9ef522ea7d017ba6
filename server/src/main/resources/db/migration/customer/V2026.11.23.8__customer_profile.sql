-- Standard attributes, typed custom attributes (values in one jsonb, definitions below), consent, the
-- commerce totals the commerce module keeps current, and identity merges.
alter table customer
    add column birthday          date,
    add column source_channel    text check (length(source_channel) <= 64),
    add column owner_account_id  bigint,
    add column attributes        jsonb       not null default '{}',
    add column consent           jsonb       not null default '{}',
    add column updated_at        timestamptz,
    add column order_count       int         not null default 0,
    add column gmv               numeric(14, 2) not null default 0,
    add column first_purchase_at timestamptz,
    add column last_purchase_at  timestamptz,
    -- Set when this profile was merged into another: the survivor at the top of its merge tree. Events,
    -- identities and orders keep pointing at this row, so that an unmerge gives them back unchanged.
    add column survivor_id       bigint;
create index customer_survivor_idx on customer (tenant_id, survivor_id) where survivor_id is not null;
-- Name search is a prefix search in code-point order, answered from the index and paged by (name, id).
create index customer_name_idx on customer (tenant_id, display_name collate "C", id) where survivor_id is null;
create index customer_attributes_idx on customer using gin (attributes jsonb_path_ops);

create table customer_attribute
(
    tenant_id  bigint      not null,
    key        text        not null check (key ~ '^[a-z][a-zA-Z0-9_]{0,39}$'),
    label      text        not null check (length(label) between 1 and 40),
    type       text        not null check (type in ('string', 'number', 'date', 'enum', 'multi_enum', 'boolean')),
    options    jsonb       not null default '[]',
    required   boolean     not null default false,
    position   int         not null default 0,
    created_at timestamptz not null default now(),
    primary key (tenant_id, key)
);
select siyu_isolate_tenant('customer_attribute');

-- One row per merge: the merged profile, the profile it was merged into, why and by whom. An undone merge
-- keeps its row with undone_at set; at most one merge of a profile is in effect at a time.
create table customer_merge
(
    tenant_id   bigint      not null,
    id          bigint generated always as identity,
    survivor_id bigint      not null,
    merged_id   bigint      not null,
    rule        text        not null check (rule in ('unionid', 'mobile', 'link')),
    actor       text        not null,
    merged_at   timestamptz not null default now(),
    -- Survivor fields that were empty and taken from the merged profile; an unmerge empties them again.
    filled      jsonb       not null default '{}',
    undone_at   timestamptz,
    undone_by   text,
    primary key (tenant_id, id)
);
create unique index customer_merge_active_idx on customer_merge (tenant_id, merged_id) where undone_at is null;
create index customer_merge_survivor_idx on customer_merge (tenant_id, survivor_id);
select siyu_isolate_tenant('customer_merge');

-- Unknown is not Beijing: an anonymous profile has no city until one is written.
alter table customer
    alter column city drop not null,
    alter column city drop default;
