-- Earning rules (issue 9): points (and growth) for events other than purchases — a check-in, a review, a share —
-- with a cap per member and day and an optional cap per member in all, an optional property filter, and an
-- optional campaign window whose multiplier applies to events that happened inside it.
create table earning_rule
(
    tenant_id           bigint        not null default siyu_current_tenant(),
    id                  bigint generated always as identity,
    name                text          not null,
    -- the event catalog's name of the type (check_in, review, share, …)
    event_type          text          not null,
    points              bigint        not null check (points between 1 and 100000),
    growth              bigint        not null default 0 check (growth between 0 and 100000),
    filter_property     text,
    filter_op           text check (filter_op in ('eq', 'gte', 'lte')),
    filter_value        text,
    -- points, not events: the most a member earns from this rule in a day (the tenant's zone) and in all
    daily_cap           bigint        not null check (daily_cap between 1 and 10000000),
    total_cap           bigint check (total_cap between 1 and 100000000),
    active              boolean       not null default true,
    campaign_from       timestamptz,
    campaign_to         timestamptz,
    campaign_multiplier numeric(4, 2) check (campaign_multiplier between 1 and 10),
    updated_at          timestamptz   not null default now(),
    primary key (tenant_id, id),
    check ((filter_property is null) = (filter_op is null) and (filter_op is null) = (filter_value is null)),
    check ((campaign_from is null) = (campaign_to is null)
        and (campaign_to is null) = (campaign_multiplier is null)),
    check (campaign_to > campaign_from)
);
select siyu_isolate_tenant('earning_rule');

-- One row per rule and event, whatever it earned: the key that makes a resent event earn nothing, and the sums the
-- caps are checked against. asked is what the event would have earned; points what the caps let through (0: none).
create table earning_rule_grant
(
    tenant_id   bigint      not null default siyu_current_tenant(),
    rule_id     bigint      not null,
    event_id    text        not null,
    customer_id bigint      not null,
    day         date        not null,
    asked       bigint      not null check (asked >= 0),
    points      bigint      not null check (points between 0 and asked),
    at          timestamptz not null default now(),
    primary key (tenant_id, rule_id, event_id)
);
select siyu_isolate_tenant('earning_rule_grant');
create index earning_rule_grant_member_idx on earning_rule_grant (tenant_id, rule_id, customer_id, day);
