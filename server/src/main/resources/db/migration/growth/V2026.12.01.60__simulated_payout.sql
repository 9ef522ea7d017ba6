-- The stand-in payout provider (dev, demo and tests): money paid to a customer's WeChat balance, by idempotency
-- key, as WeChat Pay's transfer bill number works. A real provider replaces it behind the same interface.
create table simulated_payout
(
    tenant_id   bigint         not null default siyu_current_tenant(),
    payout_key  text           not null,
    customer_id bigint         not null,
    amount      numeric(12, 2) not null check (amount > 0),
    purpose     text           not null,
    -- how often it was asked for this key: a second ask changes nothing but shows here
    calls       int            not null default 1,
    created_at  timestamptz    not null default now(),
    primary key (tenant_id, payout_key)
);
select siyu_isolate_tenant('simulated_payout');
