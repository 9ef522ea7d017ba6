-- Tier keeping (issue 9): growth may count over a window of months instead of a lifetime; a tier may be kept with
-- less growth than it took to reach it; a daily review drops members below their tier's keep threshold, once per
-- member and day (the key), and says so in the tier history as 'downgrade-review'.
alter table loyalty_program
    add column growth_window_months int check (growth_window_months between 1 and 36);
alter table loyalty_tier
    add column keep_growth bigint check (keep_growth >= 0 and keep_growth <= min_growth);

alter table member_tier_change
    drop constraint member_tier_change_reason_check;
alter table member_tier_change
    add constraint member_tier_change_reason_check
        check (reason in ('join', 'upgrade', 'downgrade', 'downgrade-review'));
-- review:<customer>:<day>; null for moves made by events
alter table member_tier_change
    add column key text;
create unique index member_tier_change_key_idx on member_tier_change (tenant_id, key);

-- the review sums each member's growth since the window began
create index member_growth_customer_at_idx on member_growth (tenant_id, customer_id, at);

-- A tier-drop warning is given once per member and the growth entry whose leaving the window would take them
-- below their tier's keep threshold within 7 days; earning more moves that entry later, and warns again in time.
create table tier_drop_warning
(
    tenant_id   bigint      not null default siyu_current_tenant(),
    customer_id bigint      not null,
    growth_id   bigint      not null,
    at          timestamptz not null,
    primary key (tenant_id, customer_id, growth_id)
);
select siyu_isolate_tenant('tier_drop_warning');
