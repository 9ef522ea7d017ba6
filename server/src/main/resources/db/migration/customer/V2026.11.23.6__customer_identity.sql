alter table customer
    add column anonymous      boolean not null default false,
    add column first_seen_at  timestamptz,
    add column last_active_at timestamptz;

-- Every way a person is known: WeCom external_userid (per corp), unionid, openid (per app), mobile, email,
-- member number, ids in other systems. Values are stored normalised; one identity belongs to one customer.
create table customer_identity
(
    tenant_id   bigint      not null,
    type        text        not null check (type in ('wecom', 'unionid', 'openid', 'mobile', 'email', 'member', 'external')),
    value       text        not null check (length(value) between 1 and 160),
    customer_id bigint      not null,
    verified    boolean     not null default false,
    created_at  timestamptz not null default now(),
    primary key (tenant_id, type, value)
);
create index customer_identity_customer_idx on customer_identity (tenant_id, customer_id);
select siyu_isolate_tenant('customer_identity');

-- The last dense customer number handed out per tenant; numbers are taken in blocks with one row update.
create table customer_number
(
    tenant_id bigint primary key,
    last      bigint not null
);
select siyu_isolate_tenant('customer_number');
