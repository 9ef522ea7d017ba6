-- Products with their role in the assortment (seed 001: 引流品 lead, 明星品 hero, 个性化 personalised,
-- 贵族 premium), orders with lines, payments and refunds. Order, payment and refund numbers come from the
-- shop and are unique per tenant: a re-sent order, payment or refund changes nothing.
create table product
(
    tenant_id  bigint         not null,
    id         bigint generated always as identity,
    sku        text           not null check (sku ~ '^[A-Za-z0-9._:-]{1,64}$'),
    name       text           not null check (length(name) between 1 and 120),
    role       text           not null check (role in ('lead', 'hero', 'personalised', 'premium')),
    category   text check (length(category) <= 40),
    price      numeric(12, 2) not null check (price >= 0),
    active     boolean        not null default true,
    created_at timestamptz    not null default now(),
    updated_at timestamptz    not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, sku)
);
select siyu_isolate_tenant('product');

create table customer_order
(
    tenant_id       bigint         not null,
    id              bigint generated always as identity,
    order_no        text           not null,
    -- the home profile (see customer.survivor_id): an unmerge gives the order back with its customer
    customer_id     bigint         not null,
    status          text           not null check (status in ('pending', 'paid', 'partially_refunded', 'refunded')),
    total_amount    numeric(12, 2) not null check (total_amount >= 0),
    paid_amount     numeric(12, 2) not null default 0,
    refunded_amount numeric(12, 2) not null default 0 check (refunded_amount <= paid_amount),
    currency        text           not null default 'CNY',
    store           text,
    channel         text,
    placed_at       timestamptz    not null,
    paid_at         timestamptz,
    created_at      timestamptz    not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, order_no)
);
create index customer_order_customer_idx on customer_order (tenant_id, customer_id, placed_at desc);
create index customer_order_placed_idx on customer_order (tenant_id, placed_at);
select siyu_isolate_tenant('customer_order');

create table order_line
(
    tenant_id  bigint         not null,
    order_id   bigint         not null,
    line_no    int            not null,
    sku        text           not null,
    name       text           not null,
    quantity   int            not null check (quantity > 0),
    unit_price numeric(12, 2) not null check (unit_price >= 0),
    primary key (tenant_id, order_id, line_no)
);
select siyu_isolate_tenant('order_line');

create table order_payment
(
    tenant_id  bigint         not null,
    payment_no text           not null,
    order_id   bigint         not null,
    amount     numeric(12, 2) not null check (amount > 0),
    method     text,
    paid_at    timestamptz    not null,
    primary key (tenant_id, payment_no)
);
create index order_payment_order_idx on order_payment (tenant_id, order_id);
select siyu_isolate_tenant('order_payment');

create table order_refund
(
    tenant_id   bigint         not null,
    refund_no   text           not null,
    order_id    bigint         not null,
    amount      numeric(12, 2) not null check (amount > 0),
    reason      text,
    refunded_at timestamptz    not null,
    primary key (tenant_id, refund_no)
);
create index order_refund_order_idx on order_refund (tenant_id, order_id);
select siyu_isolate_tenant('order_refund');
