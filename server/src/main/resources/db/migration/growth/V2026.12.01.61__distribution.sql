-- 分销 (distribution): customers who apply or are appointed become distributors with a code to share; a customer
-- who first comes through a code is bound to that distributor for good, and each paid order of a bound customer
-- earns commission for the distributor (level 1) and for the distributor's own inviter (level 2), never further.
-- Commission is held until the refund window closes, then released; a refund before that cancels its share, one
-- after claws it back. Every change of a balance is one ledger entry; balances are the sums of the entries.

create table distribution_settings
(
    tenant_id          bigint         not null default siyu_current_tenant() primary key,
    -- days after payment before commission is released (the shop's refund window)
    refund_window_days int            not null default 7 check (refund_window_days between 0 and 90),
    -- percent of the paid amount, when neither the product nor its category has a rate
    level1_rate        numeric(5, 2)  not null default 10 check (level1_rate between 0 and 50),
    level2_rate        numeric(5, 2)  not null default 3 check (level2_rate between 0 and 50),
    min_withdrawal     numeric(12, 2) not null default 1 check (min_withdrawal between 0.3 and 20000),
    updated_by         text,
    updated_at         timestamptz    not null default now(),
    check (level1_rate + level2_rate <= 50)
);
select siyu_isolate_tenant('distribution_settings');

-- A rate for one product (by SKU) or one category; a product's rate comes before its category's.
create table distribution_rate
(
    tenant_id   bigint        not null default siyu_current_tenant(),
    id          bigint generated always as identity,
    scope       text          not null check (scope in ('product', 'category')),
    target      text          not null check (length(target) between 1 and 64),
    level1_rate numeric(5, 2) not null check (level1_rate between 0 and 50),
    level2_rate numeric(5, 2) not null check (level2_rate between 0 and 50),
    updated_at  timestamptz   not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, scope, target),
    check (level1_rate + level2_rate <= 50)
);
select siyu_isolate_tenant('distribution_rate');

-- The balances are kept on the row (the withdrawal's row lock) and are always the sums of the distributor's
-- entries; the reconciliation report checks that, and none of them may go below zero.
create table distributor
(
    tenant_id   bigint         not null default siyu_current_tenant(),
    id          bigint generated always as identity,
    customer_id bigint         not null,
    code        text           not null check (code ~ '^[A-Z0-9]{6,12}$'),
    -- who invited this distributor: the level-2 distributor of their customers' orders
    parent_id   bigint,
    status      text           not null check (status in ('pending', 'active', 'rejected', 'suspended')),
    source      text           not null check (source in ('applied', 'appointed')),
    applied_at  timestamptz    not null default now(),
    decided_by  text,
    decided_at  timestamptz,
    -- commission held until its order's refund window closes
    pending     numeric(12, 2) not null default 0 check (pending >= 0),
    -- released, not yet asked for
    available   numeric(12, 2) not null default 0 check (available >= 0),
    -- asked for in withdrawals not yet paid or rejected
    frozen      numeric(12, 2) not null default 0 check (frozen >= 0),
    -- clawed back after it was released, more than was available: settled from the next released commission
    debt        numeric(12, 2) not null default 0 check (debt >= 0),
    withdrawn   numeric(12, 2) not null default 0 check (withdrawn >= 0),
    primary key (tenant_id, id),
    unique (tenant_id, customer_id),
    unique (tenant_id, code),
    foreign key (tenant_id, parent_id) references distributor (tenant_id, id),
    check (parent_id is null or parent_id <> id)
);
select siyu_isolate_tenant('distributor');
create index distributor_parent_idx on distributor (tenant_id, parent_id);

-- A customer belongs to the first distributor whose code brought them (锁客), for good.
create table distribution_binding
(
    tenant_id      bigint      not null default siyu_current_tenant(),
    customer_id    bigint      not null,
    distributor_id bigint      not null,
    bound_at       timestamptz not null default now(),
    primary key (tenant_id, customer_id),
    foreign key (tenant_id, distributor_id) references distributor (tenant_id, id)
);
select siyu_isolate_tenant('distribution_binding');
create index distribution_binding_distributor_idx on distribution_binding (tenant_id, distributor_id);

-- A paid order that earned commission: who earned it is fixed at payment, whatever bindings do later.
create table distribution_order
(
    tenant_id   bigint         not null default siyu_current_tenant(),
    id          bigint generated always as identity,
    order_no    text           not null,
    customer_id bigint         not null,
    -- what was paid for the order: the base of every rate
    base        numeric(12, 2) not null check (base > 0),
    refunded    numeric(12, 2) not null default 0 check (refunded >= 0),
    paid_at     timestamptz    not null,
    release_at  timestamptz    not null,
    released_at timestamptz,
    primary key (tenant_id, id),
    unique (tenant_id, order_no)
);
select siyu_isolate_tenant('distribution_order');
create index distribution_order_due_idx on distribution_order (tenant_id, release_at) where released_at is null;

create table distribution_withdrawal
(
    tenant_id      bigint         not null default siyu_current_tenant(),
    id             bigint generated always as identity,
    distributor_id bigint         not null,
    amount         numeric(12, 2) not null check (amount > 0),
    -- the caller's key: the same request again answers the first withdrawal
    request_key    text           not null check (length(request_key) between 1 and 64),
    status         text           not null default 'requested'
        check (status in ('requested', 'approved', 'rejected', 'paid')),
    requested_by   text,
    requested_at   timestamptz    not null default now(),
    decided_by     text,
    decided_at     timestamptz,
    reason         text,
    paid_at        timestamptz,
    attempts       int            not null default 0,
    due_at         timestamptz,
    last_error     text,
    primary key (tenant_id, id),
    unique (tenant_id, distributor_id, request_key),
    foreign key (tenant_id, distributor_id) references distributor (tenant_id, id)
);
select siyu_isolate_tenant('distribution_withdrawal');
create index distribution_withdrawal_due_idx on distribution_withdrawal (tenant_id, due_at) where status = 'approved';
create index distribution_withdrawal_status_idx on distribution_withdrawal (tenant_id, status, id);

-- The ledger: each entry moves one or more of a distributor's balances and is never changed. Its key (kind, the
-- order, refund or withdrawal it is for, the distributor, the level) is unique, so a replay adds nothing.
--   commission  +pending                  an order was paid
--   release     -pending +available -debt the order's refund window closed
--   cancel      -pending                  a refund before the release
--   clawback    -available +debt          a refund after it (debt: what available could not cover)
--   withdraw    -available +frozen        a withdrawal was asked for
--   reject      -frozen +available -debt  it was rejected
--   payout      -frozen +withdrawn        it was paid
create table distribution_entry
(
    tenant_id      bigint         not null default siyu_current_tenant(),
    id             bigint generated always as identity,
    distributor_id bigint         not null,
    kind           text           not null
        check (kind in ('commission', 'release', 'cancel', 'clawback', 'withdraw', 'reject', 'payout')),
    ref            text           not null,
    level          smallint       not null default 0 check (level between 0 and 2),
    order_no       text,
    -- the rate's base and what it came to (commission entries)
    base           numeric(12, 2),
    pending        numeric(12, 2) not null default 0,
    available      numeric(12, 2) not null default 0,
    frozen         numeric(12, 2) not null default 0,
    debt           numeric(12, 2) not null default 0,
    withdrawn      numeric(12, 2) not null default 0,
    at             timestamptz    not null,
    primary key (tenant_id, id),
    unique (tenant_id, kind, ref, distributor_id, level),
    foreign key (tenant_id, distributor_id) references distributor (tenant_id, id)
);
select siyu_isolate_tenant('distribution_entry');
create index distribution_entry_distributor_idx on distribution_entry (tenant_id, distributor_id, id);
create index distribution_entry_order_idx on distribution_entry (tenant_id, order_no) where order_no is not null;
