-- Membership and loyalty (seed 003): a program with tiers by growth value, members, a points ledger whose lots
-- expire one by one and are spent first-in first-out, adjustments that need a second person, coupons, and a
-- points mall. Every grant, spend and redemption carries a key that is unique, so nothing is applied twice.

create table loyalty_program
(
    tenant_id          bigint        not null default siyu_current_tenant() primary key,
    name               text          not null default '会员计划',
    join_rule          text          not null default 'free' check (join_rule in ('free', 'purchase')),
    points_per_yuan    numeric(8, 2) not null default 1 check (points_per_yuan between 0 and 100),
    growth_per_yuan    numeric(8, 2) not null default 1 check (growth_per_yuan between 0 and 100),
    points_expiry      text          not null default 'end_of_next_year'
        check (points_expiry in ('end_of_next_year', 'days', 'never')),
    points_expiry_days int check (points_expiry_days between 1 and 3650),
    -- the most points a member earns from rules in a day (tenant zone); null: no cap
    daily_cap          bigint check (daily_cap > 0),
    updated_at         timestamptz   not null default now()
);
select siyu_isolate_tenant('loyalty_program');

-- Tiers mirror the customer's member_level (1 to 3); level 1 starts at growth 0.
create table loyalty_tier
(
    tenant_id        bigint        not null default siyu_current_tenant(),
    level            smallint      not null check (level between 1 and 3),
    name             text          not null,
    min_growth       bigint        not null check (min_growth >= 0),
    multiplier       numeric(4, 2) not null default 1 check (multiplier between 1 and 10),
    discount_percent numeric(5, 2) not null default 0 check (discount_percent between 0 and 50),
    free_shipping    boolean       not null default false,
    birthday_points  bigint        not null default 0 check (birthday_points between 0 and 100000),
    primary key (tenant_id, level)
);
select siyu_isolate_tenant('loyalty_tier');

create table member
(
    tenant_id   bigint      not null default siyu_current_tenant(),
    -- the home profile (customer.survivor_id is never set on it)
    customer_id bigint      not null,
    member_no   text        not null,
    tier        smallint    not null default 1,
    growth      bigint      not null default 0 check (growth >= 0),
    -- the sum of the member's ledger entries, and of their lots' remaining points: never negative
    points      bigint      not null default 0 check (points >= 0),
    source      text        not null,
    joined_at   timestamptz not null default now(),
    primary key (tenant_id, customer_id),
    unique (tenant_id, member_no)
);
select siyu_isolate_tenant('member');
create index member_joined_idx on member (tenant_id, joined_at desc);

create table member_tier_change
(
    tenant_id   bigint      not null default siyu_current_tenant(),
    id          bigint generated always as identity,
    customer_id bigint      not null,
    from_tier   smallint,
    to_tier     smallint    not null,
    reason      text        not null check (reason in ('join', 'upgrade', 'downgrade')),
    at          timestamptz not null default now(),
    primary key (tenant_id, id)
);
select siyu_isolate_tenant('member_tier_change');
create index member_tier_change_customer_idx on member_tier_change (tenant_id, customer_id, at);
create index member_tier_change_at_idx on member_tier_change (tenant_id, at);

-- One row per change of a balance. The key makes a retried grant, spend or reversal a no-op.
create table points_entry
(
    tenant_id   bigint      not null default siyu_current_tenant(),
    id          bigint generated always as identity,
    customer_id bigint      not null,
    kind        text        not null check (kind in ('earn', 'spend', 'expire', 'reverse', 'adjust', 'restore')),
    points      bigint      not null,
    balance     bigint      not null check (balance >= 0),
    -- what a reversal could not take back because it was spent already
    shortfall   bigint      not null default 0 check (shortfall >= 0),
    key         text        not null,
    source      text        not null,
    ref         text,
    reason      text,
    actor       text,
    approver    text,
    expires_at  timestamptz,
    at          timestamptz not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, key),
    check (points <> 0 or shortfall > 0)
);
select siyu_isolate_tenant('points_entry');
create index points_entry_customer_idx on points_entry (tenant_id, customer_id, id desc);
create index points_entry_at_idx on points_entry (tenant_id, at);

-- Growth value, once per key; amount is the money behind it, so a refund takes back its share.
create table member_growth
(
    tenant_id   bigint         not null default siyu_current_tenant(),
    id          bigint generated always as identity,
    customer_id bigint         not null,
    growth      bigint         not null,
    amount      numeric(12, 2),
    key         text           not null,
    source      text           not null,
    ref         text,
    at          timestamptz    not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, key)
);
select siyu_isolate_tenant('member_growth');
create index member_growth_ref_idx on member_growth (tenant_id, ref);
create index points_entry_ref_idx on points_entry (tenant_id, ref) where ref is not null;

-- What is left of each grant: spent oldest expiry first; expired lots are emptied by an 'expire' entry.
create table points_lot
(
    tenant_id   bigint      not null default siyu_current_tenant(),
    id          bigint generated always as identity,
    customer_id bigint      not null,
    entry_id    bigint      not null,
    points      bigint      not null check (points > 0),
    remaining   bigint      not null check (remaining between 0 and points),
    expires_at  timestamptz,
    primary key (tenant_id, id)
);
select siyu_isolate_tenant('points_lot');
create index points_lot_open_idx on points_lot (tenant_id, customer_id, expires_at, id) where remaining > 0;
create index points_lot_due_idx on points_lot (tenant_id, expires_at) where remaining > 0;

-- What a spend took from which lot, so that a cancelled mall order gives the points back as they were.
create table points_draw
(
    tenant_id bigint not null default siyu_current_tenant(),
    entry_id  bigint not null,
    lot_id    bigint not null,
    points    bigint not null check (points > 0),
    primary key (tenant_id, entry_id, lot_id)
);
select siyu_isolate_tenant('points_draw');

create table points_adjustment
(
    tenant_id    bigint      not null default siyu_current_tenant(),
    id           bigint generated always as identity,
    customer_id  bigint      not null,
    points       bigint      not null check (points <> 0 and abs(points) <= 1000000),
    reason       text        not null,
    status       text        not null default 'pending' check (status in ('pending', 'applied', 'rejected')),
    requested_by text        not null,
    decided_by   text,
    at           timestamptz not null default now(),
    decided_at   timestamptz,
    primary key (tenant_id, id)
);
select siyu_isolate_tenant('points_adjustment');
create index points_adjustment_status_idx on points_adjustment (tenant_id, status, id desc);

create table coupon_template
(
    tenant_id    bigint         not null default siyu_current_tenant(),
    id           bigint generated always as identity,
    code         text           not null check (code ~ '^[A-Za-z0-9_-]{1,32}$'),
    name         text           not null,
    kind         text           not null check (kind in ('amount', 'percent')),
    value        numeric(12, 2) not null check (value > 0),
    max_off      numeric(12, 2) check (max_off > 0),
    threshold    numeric(12, 2) not null default 0 check (threshold >= 0),
    skus         text[]         not null default '{}',
    valid_days   int check (valid_days between 1 and 3650),
    valid_from   timestamptz,
    valid_until  timestamptz,
    per_customer int            not null default 1 check (per_customer between 1 and 100),
    -- null: unlimited; issued never passes it (the check is what stops a race from overselling)
    stock        int check (stock >= 0),
    issued       int            not null default 0,
    active       boolean        not null default true,
    created_at   timestamptz    not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, code),
    check (stock is null or issued <= stock),
    check (valid_days is not null or (valid_from is not null and valid_until > valid_from))
);
select siyu_isolate_tenant('coupon_template');

create table coupon
(
    tenant_id     bigint         not null default siyu_current_tenant(),
    id            bigint generated always as identity,
    template_id   bigint         not null,
    customer_id   bigint         not null,
    code          text           not null,
    status        text           not null default 'issued' check (status in ('issued', 'redeemed', 'expired')),
    source        text           not null,
    issue_key     text           not null,
    issued_at     timestamptz    not null default now(),
    valid_from    timestamptz    not null,
    expires_at    timestamptz    not null,
    redemption_id text,
    order_no      text,
    discount      numeric(12, 2),
    redeemed_at   timestamptz,
    primary key (tenant_id, id),
    unique (tenant_id, code),
    unique (tenant_id, issue_key),
    unique (tenant_id, redemption_id),
    foreign key (tenant_id, template_id) references coupon_template (tenant_id, id)
);
select siyu_isolate_tenant('coupon');
create index coupon_customer_idx on coupon (tenant_id, customer_id, id desc);
create index coupon_template_customer_idx on coupon (tenant_id, template_id, customer_id);
create index coupon_due_idx on coupon (tenant_id, expires_at) where status = 'issued';

create table mall_item
(
    tenant_id   bigint         not null default siyu_current_tenant(),
    id          bigint generated always as identity,
    name        text           not null,
    description text,
    points      bigint         not null check (points between 1 and 10000000),
    cash        numeric(12, 2) not null default 0 check (cash >= 0),
    stock       int            not null check (stock >= 0),
    redeemed    int            not null default 0,
    per_member  int            not null default 1 check (per_member between 1 and 100),
    active      boolean        not null default true,
    created_at  timestamptz    not null default now(),
    primary key (tenant_id, id),
    check (redeemed <= stock)
);
select siyu_isolate_tenant('mall_item');

create table mall_order
(
    tenant_id   bigint         not null default siyu_current_tenant(),
    id          bigint generated always as identity,
    item_id     bigint         not null,
    customer_id bigint         not null,
    points      bigint         not null,
    cash        numeric(12, 2) not null,
    status      text           not null default 'placed'
        check (status in ('placed', 'shipped', 'delivered', 'cancelled')),
    request_id  text           not null,
    entry_id    bigint         not null,
    at          timestamptz    not null default now(),
    updated_at  timestamptz    not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, request_id),
    foreign key (tenant_id, item_id) references mall_item (tenant_id, id)
);
select siyu_isolate_tenant('mall_order');
create index mall_order_item_customer_idx on mall_order (tenant_id, item_id, customer_id);
create index mall_order_status_idx on mall_order (tenant_id, status, id desc);

-- The nightly reconciliation: balances against their entries and lots, kept so that a drift has a date.
create table loyalty_reconciliation
(
    tenant_id  bigint      not null default siyu_current_tenant(),
    id         bigint generated always as identity,
    at         timestamptz not null default now(),
    members    bigint      not null,
    balance    bigint      not null,
    entries    bigint      not null,
    lots       bigint      not null,
    mismatches jsonb       not null,
    primary key (tenant_id, id)
);
select siyu_isolate_tenant('loyalty_reconciliation');
