-- The referral graph across campaigns: who invited whom, read by joins over every campaign of the tenant. These
-- indexes keep the reads to index scans on large tenants: the recursive walk down invited_by, counted invites and
-- participants by time.
create index campaign_participant_invited_by_idx on campaign_participant (tenant_id, invited_by)
    where invited_by is not null;
create index campaign_participant_joined_idx on campaign_participant (tenant_id, joined_at);
create index campaign_invite_counted_idx on campaign_invite (tenant_id, at) where status = 'counted';

-- A tenant's threshold for KOC candidates (counted invites across campaigns plus member referrals), and the tag
-- that marks them (made on the first marking, made again if someone deletes it).
create table referral_setting
(
    tenant_id     bigint      not null default siyu_current_tenant(),
    koc_threshold int         not null default 10 check (koc_threshold between 1 and 10000),
    koc_tag_id    int,
    updated_at    timestamptz not null default now(),
    primary key (tenant_id)
);
select siyu_isolate_tenant('referral_setting');

-- The customers growth marked as KOC candidates, so a marking removes only its own marks and changes nothing
-- when run again.
create table referral_koc
(
    tenant_id   bigint      not null default siyu_current_tenant(),
    customer_id bigint      not null,
    invites     int         not null,
    marked_at   timestamptz not null default now(),
    primary key (tenant_id, customer_id)
);
select siyu_isolate_tenant('referral_koc');
