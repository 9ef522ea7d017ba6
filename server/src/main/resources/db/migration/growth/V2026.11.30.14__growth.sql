-- 任务宝 (task fission): a campaign's participants share their own live code (千人千面码, made from the campaign's
-- parent code); each friend who adds a staff member through it is an invite, held for a window (add-then-delete
-- is the commonest fraud), then counted; each stage reached grants its reward once, within its stock.

create table campaign
(
    tenant_id       bigint      not null default siyu_current_tenant(),
    id              bigint generated always as identity,
    kind            text        not null default 'task' check (kind in ('task')),
    name            text        not null,
    description     text,
    app_id          bigint      not null,
    -- the parent live code: its staff receive the friends; each participant shares a personal code made from it
    channel_code_id bigint      not null,
    status          text        not null default 'draft' check (status in ('draft', 'active', 'ended')),
    starts_at       timestamptz not null,
    ends_at         timestamptz not null check (ends_at > starts_at),
    -- an invite counts once the friend has stayed this long; deleted before, it never does
    hold_hours      int         not null default 24 check (hold_hours between 0 and 720),
    -- only friends new to the brand (no WeCom contact before) count
    new_only        boolean     not null default true,
    -- more invites than this for one participant within a minute are held for review (0: no limit)
    burst_per_minute int        not null default 10 check (burst_per_minute between 0 and 1000),
    created_by      text,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, channel_code_id)
);
select siyu_isolate_tenant('campaign');

create table campaign_stage
(
    tenant_id   bigint not null default siyu_current_tenant(),
    campaign_id bigint not null,
    stage       int    not null check (stage between 1 and 5),
    invites     int    not null check (invites between 1 and 1000),
    reward_kind text   not null check (reward_kind in ('points', 'coupon', 'gift')),
    amount      bigint not null default 0,
    coupon_id   text,
    gift        text,
    -- null: unlimited; granted never passes it (the check is what stops a race from overselling)
    stock       int check (stock >= 0),
    granted     int    not null default 0,
    primary key (tenant_id, campaign_id, stage),
    foreign key (tenant_id, campaign_id) references campaign (tenant_id, id) on delete cascade,
    check (stock is null or granted <= stock)
);
select siyu_isolate_tenant('campaign_stage');

create table campaign_participant
(
    tenant_id    bigint      not null default siyu_current_tenant(),
    id           bigint generated always as identity,
    campaign_id  bigint      not null,
    customer_id  bigint      not null,
    -- the participant's own live code (千人千面码)
    code_id      bigint      not null,
    -- who invited them, if they came through someone's code
    invited_by   bigint,
    joined_at    timestamptz not null default now(),
    counted      int         not null default 0,
    primary key (tenant_id, id),
    unique (tenant_id, campaign_id, customer_id),
    unique (tenant_id, code_id),
    foreign key (tenant_id, campaign_id) references campaign (tenant_id, id) on delete cascade
);
select siyu_isolate_tenant('campaign_participant');

-- A friend counts for one participant per campaign, however often they add: the key says so.
create table campaign_invite
(
    tenant_id      bigint      not null default siyu_current_tenant(),
    campaign_id    bigint      not null,
    invitee_id     bigint      not null,
    participant_id bigint      not null,
    at             timestamptz not null,
    -- held: waiting for its window; review: held for a person to look at; counted; rejected (see reason)
    status         text        not null check (status in ('held', 'review', 'counted', 'rejected')),
    reason         text,
    settles_at     timestamptz not null,
    settled_at     timestamptz,
    primary key (tenant_id, campaign_id, invitee_id),
    foreign key (tenant_id, participant_id) references campaign_participant (tenant_id, id) on delete cascade
);
select siyu_isolate_tenant('campaign_invite');
create index campaign_invite_due_idx on campaign_invite (tenant_id, settles_at) where status = 'held';
create index campaign_invite_participant_idx on campaign_invite (tenant_id, participant_id, at);

-- A stage's reward, once per participant: the key makes a second grant impossible.
create table campaign_reward
(
    tenant_id      bigint      not null default siyu_current_tenant(),
    campaign_id    bigint      not null,
    participant_id bigint      not null,
    stage          int         not null,
    -- granted, or out_of_stock when the stage's stock was gone
    status         text        not null check (status in ('granted', 'out_of_stock')),
    at             timestamptz not null default now(),
    primary key (tenant_id, campaign_id, participant_id, stage),
    foreign key (tenant_id, participant_id) references campaign_participant (tenant_id, id) on delete cascade
);
select siyu_isolate_tenant('campaign_reward');
