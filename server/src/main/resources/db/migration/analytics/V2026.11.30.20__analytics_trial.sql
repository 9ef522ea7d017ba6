-- Trial conversion per profile (docs/metrics.md): when its first paid order with a lead product (引流品) was paid,
-- and its first later paid order with any other product. Kept current as orders are paid; rebuilt when the lead
-- products change or orders are bulk-loaded (analytics_trial_state then no longer matches).
create table analytics_trial
(
    tenant_id     bigint      not null default siyu_current_tenant(),
    customer_id   bigint      not null,
    first_lead_at timestamptz not null,
    converted_at  timestamptz,
    primary key (tenant_id, customer_id)
);
create index analytics_trial_first_idx on analytics_trial (tenant_id, first_lead_at);
select siyu_isolate_tenant('analytics_trial');

-- The lead products analytics_trial was built for; no row = not built (or orders bulk-loaded since).
create table analytics_trial_state
(
    tenant_id bigint      not null default siyu_current_tenant() primary key,
    lead_skus text[]      not null,
    built_at  timestamptz not null default now()
);
select siyu_isolate_tenant('analytics_trial_state');
