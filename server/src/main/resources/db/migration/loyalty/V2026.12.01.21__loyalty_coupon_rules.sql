-- Coupons issued by rule (issue 9): a coupon template issued to a member for an event of a type from the event
-- catalog (with an optional property filter, as earning rules have), at most per_customer times per member and
-- total_limit times in all. A grant row per rule and event, whatever it issued, makes a resent event issue nothing.
create table coupon_rule
(
    tenant_id       bigint      not null default siyu_current_tenant(),
    id              bigint generated always as identity,
    name            text        not null,
    template_id     bigint      not null,
    event_type      text        not null,
    filter_property text,
    filter_op       text check (filter_op in ('eq', 'gte', 'lte')),
    filter_value    text,
    per_customer    int         not null check (per_customer between 1 and 100),
    -- null: no limit on the coupons the rule issues in all
    total_limit     int check (total_limit between 1 and 10000000),
    active          boolean     not null default true,
    updated_at      timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, template_id) references coupon_template (tenant_id, id),
    check ((filter_property is null) = (filter_op is null) and (filter_op is null) = (filter_value is null))
);
select siyu_isolate_tenant('coupon_rule');

-- issued: whether the event got a coupon (false: a limit, the template's stock or an inactive template held it back)
create table coupon_rule_grant
(
    tenant_id   bigint      not null default siyu_current_tenant(),
    rule_id     bigint      not null,
    event_id    text        not null,
    customer_id bigint      not null,
    issued      boolean     not null,
    at          timestamptz not null default now(),
    primary key (tenant_id, rule_id, event_id)
);
select siyu_isolate_tenant('coupon_rule_grant');
create index coupon_rule_grant_member_idx on coupon_rule_grant (tenant_id, rule_id, customer_id) where issued;
