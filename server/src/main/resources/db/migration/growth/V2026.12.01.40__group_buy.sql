-- 拼团 and 阶梯拼团 (group buying): a customer opens a team, friends join within the team's hours; a team that
-- reaches the first tier's size succeeds at the price of the largest tier it reached, one that does not is
-- refunded in full. Stock is held at each join (never above the stock) and released when a team fails.
-- Payment happens in the shop; Siyu records each member's payment and asks the payment adapter for refunds.

create table group_buy
(
    tenant_id    bigint        not null default siyu_current_tenant(),
    id           bigint generated always as identity,
    name         text          not null,
    sku          text          not null,
    product_name text          not null,
    -- the price alone, shown beside the team prices
    list_price   numeric(12, 2) not null check (list_price > 0),
    -- [{"size": 2, "price": 89.00}, {"size": 5, "price": 79.00}]: sizes rising, prices falling; one tier is 拼团
    tiers        jsonb         not null,
    -- a team is full at the last tier's size and succeeds at once
    max_size     int           not null check (max_size between 2 and 100),
    team_hours   int           not null check (team_hours between 1 and 168),
    stock        int           not null check (stock >= 0),
    held         int           not null default 0,
    sold         int           not null default 0,
    starts_at    timestamptz   not null,
    ends_at      timestamptz   not null check (ends_at > starts_at),
    status       text          not null default 'active' check (status in ('active', 'ended')),
    created_by   text,
    created_at   timestamptz   not null default now(),
    primary key (tenant_id, id),
    check (held >= 0 and sold >= 0 and held + sold <= stock)
);
select siyu_isolate_tenant('group_buy');

create table group_buy_team
(
    tenant_id    bigint      not null default siyu_current_tenant(),
    id           bigint generated always as identity,
    group_buy_id bigint      not null,
    leader_id    bigint      not null,
    size         int         not null default 0,
    status       text        not null default 'open' check (status in ('open', 'succeeded', 'failed')),
    opened_at    timestamptz not null,
    expires_at   timestamptz not null,
    closed_at    timestamptz,
    -- the price each member pays in the end (the largest tier reached); null while open or when failed
    price        numeric(12, 2),
    primary key (tenant_id, id),
    foreign key (tenant_id, group_buy_id) references group_buy (tenant_id, id)
);
select siyu_isolate_tenant('group_buy_team');
create index group_buy_team_due_idx on group_buy_team (tenant_id, expires_at) where status = 'open';
create index group_buy_team_buy_idx on group_buy_team (tenant_id, group_buy_id, id);

create table group_buy_member
(
    tenant_id    bigint         not null default siyu_current_tenant(),
    id           bigint generated always as identity,
    team_id      bigint         not null,
    group_buy_id bigint         not null,
    customer_id  bigint         not null,
    -- the shop's id of this join (its order number): a repeated call finds the first join
    join_key     text           not null check (length(join_key) between 1 and 64),
    payment_ref  text           not null check (length(payment_ref) between 1 and 64),
    paid         numeric(12, 2) not null check (paid > 0),
    joined_at    timestamptz    not null,
    primary key (tenant_id, id),
    unique (tenant_id, group_buy_id, join_key),
    -- one place per customer in a team
    unique (tenant_id, team_id, customer_id),
    foreign key (tenant_id, team_id) references group_buy_team (tenant_id, id)
);
select siyu_isolate_tenant('group_buy_member');

-- What a closed team owes back: everything when it failed, the difference to the final price when it
-- succeeded below the first price. One row per member and reason; the payment adapter gets the row's key,
-- so a retry after a crash is the same refund, never a second one.
create table group_buy_refund
(
    tenant_id    bigint         not null default siyu_current_tenant(),
    id           bigint generated always as identity,
    member_id    bigint         not null,
    team_id      bigint         not null,
    amount       numeric(12, 2) not null check (amount > 0),
    reason       text           not null check (reason in ('failed', 'tier')),
    status       text           not null default 'due' check (status in ('due', 'done')),
    attempts     int            not null default 0,
    due_at       timestamptz    not null default now(),
    refunded_at  timestamptz,
    last_error   text,
    primary key (tenant_id, id),
    unique (tenant_id, member_id),
    foreign key (tenant_id, member_id) references group_buy_member (tenant_id, id)
);
select siyu_isolate_tenant('group_buy_refund');
create index group_buy_refund_due_idx on group_buy_refund (tenant_id, due_at) where status = 'due';

-- The stand-in payment provider (dev, demo and tests): refunds by idempotency key, as WeChat Pay's
-- out_refund_no works. A real provider replaces it behind the same interface.
create table simulated_refund
(
    tenant_id   bigint         not null default siyu_current_tenant(),
    refund_key  text           not null,
    payment_ref text           not null,
    amount      numeric(12, 2) not null,
    -- how often it was asked for this key: a second ask changes nothing but shows here
    calls       int            not null default 1,
    created_at  timestamptz    not null default now(),
    primary key (tenant_id, refund_key)
);
select siyu_isolate_tenant('simulated_refund');
