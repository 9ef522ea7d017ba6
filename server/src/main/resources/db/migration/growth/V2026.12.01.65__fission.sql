-- 社群裂变 (group fission) and 红包裂变 (red-packet rewards).
-- A campaign of kind 'group' counts friends who join a customer group through the participant's own group live
-- code (a personal copy of the campaign's group code), held for the window like adds: one who left every group
-- of the code before it ends never counts.
alter table campaign drop constraint campaign_kind_check;
alter table campaign add constraint campaign_kind_check check (kind in ('task', 'group'));
alter table campaign alter column channel_code_id drop not null;
alter table campaign add column group_code_id bigint;
alter table campaign add constraint campaign_group_code_key unique (tenant_id, group_code_id);
alter table campaign add constraint campaign_code_check
    check ((kind = 'task' and channel_code_id is not null and group_code_id is null)
        or (kind = 'group' and group_code_id is not null and channel_code_id is null));

-- A participant's own code is a channel code (task) or a group code (group): ids of the two are apart.
alter table campaign_participant add column code_kind text not null default 'channel'
    check (code_kind in ('channel', 'group'));
alter table campaign_participant drop constraint campaign_participant_tenant_id_code_id_key;
alter table campaign_participant add constraint campaign_participant_code_key unique (tenant_id, code_kind, code_id);

-- A red packet (fen): amount alone is a fixed amount; with amount_max, a random amount in amount..amount_max.
alter table campaign_stage drop constraint campaign_stage_reward_kind_check;
alter table campaign_stage add constraint campaign_stage_reward_kind_check
    check (reward_kind in ('points', 'coupon', 'gift', 'red_packet'));
alter table campaign_stage add column amount_max bigint;
alter table campaign_stage add constraint campaign_stage_red_packet_check
    check (reward_kind <> 'red_packet' or (amount > 0 and (amount_max is null or amount_max >= amount)));

alter table campaign_reward drop constraint campaign_reward_status_check;
alter table campaign_reward add constraint campaign_reward_status_check
    check (status in ('granted', 'out_of_stock', 'cancelled', 'out_of_budget'));

-- The campaign's red-packet budget (fen): the running balance of its ledger, locked by each reservation. The
-- check is the second guard: a race that got past the lock could still never take it below zero.
create table campaign_budget
(
    tenant_id   bigint not null default siyu_current_tenant(),
    campaign_id bigint not null,
    topped_up   bigint not null default 0 check (topped_up >= 0),
    -- reserved by red packets granted and not yet paid
    reserved    bigint not null default 0 check (reserved >= 0),
    paid        bigint not null default 0 check (paid >= 0),
    remaining   bigint not null default 0 check (remaining >= 0),
    primary key (tenant_id, campaign_id),
    foreign key (tenant_id, campaign_id) references campaign (tenant_id, id) on delete cascade,
    check (remaining = topped_up - reserved - paid)
);
select siyu_isolate_tenant('campaign_budget');

-- The ledger: top-ups (positive) and reservations (negative); remaining is its sum.
create table campaign_budget_entry
(
    tenant_id      bigint      not null default siyu_current_tenant(),
    id             bigint generated always as identity,
    campaign_id    bigint      not null,
    kind           text        not null check (kind in ('top_up', 'reserve')),
    amount         bigint      not null check ((kind = 'top_up' and amount > 0) or (kind = 'reserve' and amount < 0)),
    participant_id bigint,
    stage          int,
    note           text,
    created_by     text,
    at             timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, campaign_id) references campaign (tenant_id, id) on delete cascade,
    -- one reservation per reward
    unique (tenant_id, campaign_id, participant_id, stage)
);
select siyu_isolate_tenant('campaign_budget_entry');
create index campaign_budget_entry_campaign_idx on campaign_budget_entry (tenant_id, campaign_id, id);

-- A granted red packet, reserved in the granting transaction and paid after commit by the payout adapter under
-- its own key (the same for every attempt): after a crash the provider is asked about the key before paying.
create table campaign_red_packet
(
    tenant_id      bigint      not null default siyu_current_tenant(),
    id             bigint generated always as identity,
    campaign_id    bigint      not null,
    participant_id bigint      not null,
    stage          int         not null,
    customer_id    bigint      not null,
    amount         bigint      not null check (amount > 0),
    status         text        not null default 'reserved' check (status in ('reserved', 'paid')),
    attempts       int         not null default 0,
    due_at         timestamptz not null default now(),
    granted_at     timestamptz not null default now(),
    paid_at        timestamptz,
    last_error     text,
    primary key (tenant_id, id),
    unique (tenant_id, campaign_id, participant_id, stage),
    foreign key (tenant_id, campaign_id, participant_id, stage)
        references campaign_reward (tenant_id, campaign_id, participant_id, stage) on delete cascade
);
select siyu_isolate_tenant('campaign_red_packet');
create index campaign_red_packet_due_idx on campaign_red_packet (tenant_id, due_at) where status = 'reserved';
create index campaign_red_packet_campaign_idx on campaign_red_packet (tenant_id, campaign_id, id);
