-- Paid membership cards (付费会员卡, issue 9): plans a shop sells (price, validity in days or months, an optional
-- tier the holder is at least in while the card is valid, benefits text); the "paid_card" join rule, under which
-- only card holders join and earn. Each purchase is a period of the member's card, once per purchase key: a renewal
-- bought while the card is valid starts where the last period ends. A refund ends its period (later periods move up
-- to close the gap); the daily work ends periods whose time is up, and reminds each holder once, days before the
-- card ends, with a card_expiring event.
alter table loyalty_program
    drop constraint loyalty_program_join_rule_check;
alter table loyalty_program
    add constraint loyalty_program_join_rule_check check (join_rule in ('free', 'purchase', 'paid_card'));

create table card_plan
(
    tenant_id      bigint         not null default siyu_current_tenant(),
    id             bigint generated always as identity,
    name           text           not null,
    price          numeric(12, 2) not null check (price >= 0),
    validity       int            not null check (validity > 0),
    validity_unit  text           not null check (validity_unit in ('days', 'months')),
    -- the tier a holder is at least in while the card is valid; null: the card does not touch tiers
    floor_tier     smallint check (floor_tier between 1 and 3),
    benefits       text,
    active         boolean        not null default true,
    updated_at     timestamptz    not null default now(),
    primary key (tenant_id, id),
    check ((validity_unit = 'days' and validity <= 3650) or (validity_unit = 'months' and validity <= 120))
);
select siyu_isolate_tenant('card_plan');

create table member_card
(
    tenant_id    bigint         not null default siyu_current_tenant(),
    id           bigint generated always as identity,
    customer_id  bigint         not null,
    plan_id      bigint         not null,
    -- the shop's purchase key: a retried report finds this row and changes nothing
    purchase_key text           not null,
    amount       numeric(12, 2) not null check (amount >= 0),
    renewal      boolean        not null,
    valid_from   timestamptz    not null,
    valid_until  timestamptz    not null,
    status       text           not null default 'active' check (status in ('active', 'expired', 'refunded')),
    bought_at    timestamptz    not null,
    ended_at     timestamptz,
    refunded_at  timestamptz,
    reminded_at  timestamptz,
    primary key (tenant_id, id),
    unique (tenant_id, purchase_key),
    foreign key (tenant_id, plan_id) references card_plan (tenant_id, id),
    check (valid_until > valid_from)
);
select siyu_isolate_tenant('member_card');
create index member_card_customer_idx on member_card (tenant_id, customer_id, valid_until desc);
create index member_card_due_idx on member_card (tenant_id, valid_until) where status = 'active';
create index member_card_bought_idx on member_card (tenant_id, bought_at);
