-- Exclusive tier coupons (issue 9): a tier names coupon templates its members receive on reaching it, and, when
-- monthly, again each month while in it. A grant row per member, tier, template and period ('reached', or the
-- month as 2026-12 for a monthly one) makes a re-heard upgrade or a re-run of the monthly job issue nothing.
create table loyalty_tier_coupon
(
    tenant_id   bigint   not null default siyu_current_tenant(),
    level       smallint not null check (level between 1 and 3),
    template_id bigint   not null,
    monthly     boolean  not null default false,
    position    smallint not null,
    primary key (tenant_id, level, template_id),
    foreign key (tenant_id, template_id) references coupon_template (tenant_id, id)
);
select siyu_isolate_tenant('loyalty_tier_coupon');

create table tier_coupon_grant
(
    tenant_id   bigint      not null default siyu_current_tenant(),
    customer_id bigint      not null,
    level       smallint    not null,
    template_id bigint      not null,
    period      text        not null,
    at          timestamptz not null default now(),
    primary key (tenant_id, customer_id, level, template_id, period)
);
select siyu_isolate_tenant('tier_coupon_grant');
