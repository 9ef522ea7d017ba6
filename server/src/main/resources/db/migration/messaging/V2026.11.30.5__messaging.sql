-- Sending rules and 企业群发 (mass messages through staff members' WeCom): what is sent to whom, once.

-- The tenant's sending rules. Quiet hours are in the tenant's time zone; caps count what a customer was sent
-- through a channel in a calendar day and week; mass_quota mirrors the corp's 群发规则 in WeCom.
create table messaging_settings
(
    tenant_id   bigint  not null default siyu_current_tenant() primary key,
    quiet_from  time    not null default '21:00',
    quiet_to    time    not null default '08:00',
    cap_day     int     not null default 1 check (cap_day between 0 and 100),
    cap_week    int     not null default 3 check (cap_week between 0 and 700),
    mass_quota  text    not null default 'days-in-month'
        check (mass_quota in ('days-in-month', '7-per-week', '1-per-day', '4-per-month'))
);
select siyu_isolate_tenant('messaging_settings');

-- Every message meant for a customer, one row per (customer, source): the unique key is what makes a journey
-- step or a mass send reach a customer at most once, and the rows are what caps and quotas count.
create table message_receipt
(
    tenant_id   bigint      not null default siyu_current_tenant(),
    customer_id bigint      not null,
    -- mass:<id>, journey:<id>:<step>, …
    source      text        not null,
    channel     text        not null,
    at          timestamptz not null default now(),
    primary key (tenant_id, customer_id, source)
);
select siyu_isolate_tenant('message_receipt');
create index message_receipt_recent_idx on message_receipt (tenant_id, customer_id, channel, at);

create table mass_send
(
    tenant_id    bigint      not null default siyu_current_tenant(),
    id           bigint generated always as identity,
    app_id       bigint      not null,
    name         text        not null,
    -- {segmentId} | {tagIds, match: any|all} | {customerIds}; staff limits the senders
    audience     jsonb       not null,
    staff        text[]      not null default '{}',
    text         text        not null default '',
    material_ids bigint[]    not null default '{}',
    -- when to send; held to the end of quiet hours when it falls in them
    send_at      timestamptz not null,
    status       text        not null default 'scheduled'
        check (status in ('scheduled', 'sending', 'sent', 'cancelled', 'failed')),
    error        text,
    created_by   text,
    created_at   timestamptz not null default now(),
    planned_at   timestamptz,
    finished_at  timestamptz,
    primary key (tenant_id, id)
);
select siyu_isolate_tenant('mass_send');
create index mass_send_due_idx on mass_send (tenant_id, send_at) where status in ('scheduled', 'sending');

-- One add_msg_template call: a staff member's share of a send (in parts of at most 10,000 customers).
create table mass_send_task
(
    tenant_id        bigint      not null default siyu_current_tenant(),
    mass_send_id     bigint      not null,
    user_id          text        not null,
    part             int         not null default 0,
    -- pending: not yet asked; asking: a call was (maybe) made and its answer not recorded; submitted: WeCom
    -- gave a msgid; failed: WeCom refused it for good; cancelled
    status           text        not null default 'pending'
        check (status in ('pending', 'asking', 'submitted', 'failed', 'cancelled')),
    msgid            text,
    attempts         int         not null default 0,
    first_asked_at   timestamptz,
    next_at          timestamptz not null default now(),
    submitted_at     timestamptz,
    -- the staff member sent it in WeCom (get_groupmsg_task status 2)
    staff_sent_at    timestamptz,
    reminders        int         not null default 0,
    tracked_at       timestamptz,
    -- each customer's outcome was read after the staff member sent it: nothing more will change
    results_at       timestamptz,
    error            text,
    primary key (tenant_id, mass_send_id, user_id, part),
    unique (tenant_id, msgid),
    foreign key (tenant_id, mass_send_id) references mass_send (tenant_id, id) on delete cascade
);
select siyu_isolate_tenant('mass_send_task');
create index mass_send_task_due_idx on mass_send_task (tenant_id, next_at) where status in ('pending', 'asking');

create table mass_send_recipient
(
    tenant_id        bigint      not null default siyu_current_tenant(),
    mass_send_id     bigint      not null,
    customer_id      bigint      not null,
    user_id          text,
    part             int,
    external_user_id text,
    -- planned → submitted → delivered | not_friend | over_quota | unsent; failed or cancelled with the task;
    -- or held: opted_out, no_contact, quota (Siyu's count says WeCom would refuse), frequency (the tenant's
    -- caps), duplicate (already sent)
    status           text        not null,
    updated_at       timestamptz not null default now(),
    primary key (tenant_id, mass_send_id, customer_id),
    foreign key (tenant_id, mass_send_id) references mass_send (tenant_id, id) on delete cascade
);
select siyu_isolate_tenant('mass_send_recipient');
create index mass_send_recipient_task_idx on mass_send_recipient (tenant_id, mass_send_id, user_id, part);

-- WeCom's temporary media ids (valid three days) for the material files attachments use, per app.
create table wecom_media
(
    tenant_id  bigint      not null default siyu_current_tenant(),
    app_id     bigint      not null,
    file_id    bigint      not null,
    media_id   text        not null,
    expires_at timestamptz not null,
    primary key (tenant_id, app_id, file_id)
);
select siyu_isolate_tenant('wecom_media');
