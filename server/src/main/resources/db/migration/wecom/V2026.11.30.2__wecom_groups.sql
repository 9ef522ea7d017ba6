-- Customer groups (客户群) as WeCom reports them, who joined and left them and when, and group live codes
-- (群活码) that rotate through groups before they fill up.
create table wecom_group
(
    tenant_id      bigint      not null default siyu_current_tenant(),
    app_id         bigint      not null,
    chat_id        text        not null,
    name           text        not null default '',
    -- the owner's WeCom userid
    owner          text,
    notice         text        not null default '',
    created_at     timestamptz,
    -- groupchat/list's status: 0 normal, 1 owner resigned, 2 being handed over, 3 handed over
    status         smallint    not null default 0,
    -- when WeCom said the group was dismissed (or stopped listing it); null while it exists
    dismissed_at   timestamptz,
    member_count   int         not null default 0,
    customer_count int         not null default 0,
    -- groupchat/get's member_version: an unchanged version means the members need not be fetched again
    member_version text,
    synced_at      timestamptz not null default now(),
    primary key (tenant_id, app_id, chat_id),
    foreign key (tenant_id, app_id) references wecom_app (tenant_id, id) on delete cascade
);
select siyu_isolate_tenant('wecom_group');

-- One row per stay in a group: a member who leaves and comes back has two rows, so joins and leaves can be
-- counted by day.
create table wecom_group_member
(
    tenant_id   bigint      not null default siyu_current_tenant(),
    id          bigint generated always as identity,
    app_id      bigint      not null,
    chat_id     text        not null,
    -- a staff member's userid or a customer's external_userid
    member_id   text        not null,
    -- 1 staff, 2 customer (WeCom's type)
    type        smallint    not null check (type in (1, 2)),
    customer_id bigint,
    name        text        not null default '',
    joined_at   timestamptz not null,
    -- groupchat/get's join_scene: 1 invited, 2 by link, 3 by the group's QR code
    join_scene  smallint    not null default 0,
    invitor     text,
    -- the 加入群聊 way's state the member came through (a group live code: g<id>)
    state       text,
    left_at     timestamptz,
    primary key (tenant_id, id),
    foreign key (tenant_id, app_id, chat_id) references wecom_group (tenant_id, app_id, chat_id) on delete cascade
);
select siyu_isolate_tenant('wecom_group_member');
create unique index wecom_group_member_current_idx on wecom_group_member (tenant_id, app_id, chat_id, member_id)
    where left_at is null;
create index wecom_group_member_state_idx on wecom_group_member (tenant_id, app_id, state) where state is not null;
create index wecom_group_member_customer_idx on wecom_group_member (tenant_id, customer_id)
    where customer_id is not null;

create table wecom_group_code
(
    tenant_id        bigint      not null default siyu_current_tenant(),
    id               bigint generated always as identity,
    app_id           bigint      not null,
    name             text        not null check (length(name) between 1 and 30),
    -- the 加入群聊 way's state (g<id>): how a join is traced to this code
    state            text        not null check (length(state) <= 30),
    -- the code's groups, filled in this order
    chat_ids         text[]      not null check (cardinality(chat_ids) >= 1),
    -- a group with this many members is skipped (WeCom's cap is 200)
    threshold        int         not null default 190 check (threshold between 1 and 200),
    -- a channel live code shown instead once every group reached the threshold
    fallback_code_id bigint,
    auto_create_room boolean     not null default false,
    room_base_name   text check (length(room_base_name) <= 40),
    room_base_id     int check (room_base_id >= 1),
    config_id        text,
    qr_url           text,
    -- the link inside WeCom's QR picture, read once
    qr_content       text,
    -- the join way's chat_id_list now (at most 5)
    routed_to        text[]      not null default '{}',
    -- every group is at the threshold
    full_up          boolean     not null default false,
    -- Siyu owes WeCom an update_join_way (a join happened; set in its transaction, cleared when sent)
    route_due        boolean     not null default false,
    route_error      text,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, app_id, state),
    foreign key (tenant_id, app_id) references wecom_app (tenant_id, id) on delete cascade
);
select siyu_isolate_tenant('wecom_group_code');
