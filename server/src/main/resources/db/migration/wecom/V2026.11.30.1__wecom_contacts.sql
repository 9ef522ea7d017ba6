-- The corp's staff as WeCom lists them, the customers they have added (one row per staff member and
-- customer: WeCom's follow relation), channel live codes (联系我) and the outbox of calls Siyu owes WeCom.
create table wecom_staff
(
    tenant_id       bigint      not null default siyu_current_tenant(),
    app_id          bigint      not null,
    user_id         text        not null,
    name            text        not null,
    departments     int[]       not null default '{}',
    -- 1 active, 2 disabled, 4 not yet activated, 5 left (WeCom's user status)
    status          smallint    not null default 1,
    -- allowed to use 客户联系 (get_follow_user_list)
    contact_enabled boolean     not null default false,
    -- no longer in WeCom's directory at the last sync
    removed         boolean     not null default false,
    synced_at       timestamptz not null default now(),
    primary key (tenant_id, app_id, user_id),
    foreign key (tenant_id, app_id) references wecom_app (tenant_id, id) on delete cascade
);
select siyu_isolate_tenant('wecom_staff');

create table wecom_department
(
    tenant_id bigint not null default siyu_current_tenant(),
    app_id    bigint not null,
    id        int    not null,
    name      text   not null,
    parent_id int    not null default 0,
    primary key (tenant_id, app_id, id),
    foreign key (tenant_id, app_id) references wecom_app (tenant_id, id) on delete cascade
);
select siyu_isolate_tenant('wecom_department');

create table wecom_channel_code
(
    tenant_id          bigint      not null default siyu_current_tenant(),
    id                 bigint generated always as identity,
    app_id             bigint      not null,
    -- a per-store or per-customer code belongs to the code it was made from
    parent_id          bigint,
    kind               text        not null default 'channel' check (kind in ('channel', 'store', 'personal')),
    name               text        not null check (length(name) between 1 and 30),
    store              text,
    sharer_customer_id bigint,
    -- what WeCom reports back in add_external_contact (State): how an add is traced to this code
    state              text        not null check (length(state) <= 30),
    staff              text[]      not null check (cardinality(staff) between 1 and 100),
    backup_staff       text[]      not null default '{}',
    assignment         text        not null default 'round_robin' check (assignment in ('round_robin', 'least_loaded', 'all')),
    daily_cap          int check (daily_cap > 0),
    -- {"days":[1..7],"from":"09:00","to":"18:00"} in the tenant's time zone; null = always
    schedule           jsonb,
    skip_verify        boolean     not null default true,
    tag_ids            int[]       not null default '{}',
    -- {"text":"…","attachments":[…]}; null = no welcome message
    welcome            jsonb,
    config_id          text,
    qr_url             text,
    -- the link inside WeCom's QR picture, read once so that Siyu can draw the code at any size
    qr_content         text,
    -- the staff the contact way points at now (Siyu moves it as caps, schedules and turns require)
    routed_to          text[]      not null default '{}',
    disabled           boolean     not null default false,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, app_id, state),
    foreign key (tenant_id, app_id) references wecom_app (tenant_id, id) on delete cascade
);
select siyu_isolate_tenant('wecom_channel_code');
create index wecom_channel_code_parent_idx on wecom_channel_code (tenant_id, parent_id) where parent_id is not null;

create table wecom_contact
(
    tenant_id        bigint      not null default siyu_current_tenant(),
    app_id           bigint      not null,
    external_user_id text        not null,
    user_id          text        not null,
    customer_id      bigint      not null,
    -- the customer's WeChat name, as WeCom last told it
    name             text,
    state            text,
    channel_code_id  bigint,
    -- WeCom's add_way (1 scanned a QR code, 2 searched a mobile, …; 201/202 shared or assigned)
    add_way          int,
    remark           text,
    wecom_tag_ids    text[]      not null default '{}',
    added_at         timestamptz not null,
    lost_at          timestamptz,
    -- customer: they deleted the staff member (del_follow_user); staff: the staff member deleted them;
    -- transfer: WeCom removed the old follower after a handover
    lost_by          text check (lost_by in ('customer', 'staff', 'transfer')),
    updated_at       timestamptz not null default now(),
    primary key (tenant_id, app_id, external_user_id, user_id),
    foreign key (tenant_id, app_id) references wecom_app (tenant_id, id) on delete cascade
);
select siyu_isolate_tenant('wecom_contact');
create index wecom_contact_customer_idx on wecom_contact (tenant_id, customer_id);
create index wecom_contact_code_added_idx on wecom_contact (tenant_id, channel_code_id, added_at) where channel_code_id is not null;
create index wecom_contact_staff_idx on wecom_contact (tenant_id, app_id, user_id) where lost_at is null;

-- Calls Siyu owes WeCom (a welcome message, a notification, moving a live code): written in the transaction
-- that decides them, sent after; the key makes a decision taken twice one call.
create table wecom_outbox
(
    tenant_id  bigint      not null default siyu_current_tenant(),
    id         bigint generated always as identity,
    app_id     bigint      not null,
    kind       text        not null check (kind in ('welcome', 'notify', 'route')),
    dedup_key  text        not null,
    payload    jsonb       not null,
    status     text        not null default 'pending' check (status in ('pending', 'sent', 'expired', 'failed')),
    attempts   int         not null default 0,
    due_at     timestamptz not null default now(),
    -- after this, sending is pointless (a welcome code lives 20 s)
    expires_at timestamptz,
    created_at timestamptz not null default now(),
    sent_at    timestamptz,
    error      text,
    primary key (tenant_id, id),
    unique (tenant_id, kind, dedup_key),
    foreign key (tenant_id, app_id) references wecom_app (tenant_id, id) on delete cascade
);
select siyu_isolate_tenant('wecom_outbox');
create index wecom_outbox_pending_idx on wecom_outbox (tenant_id, due_at) where status = 'pending';

-- Who hears of a lost customer: nobody, the staff member, or a manager (a WeCom userid).
create table wecom_settings
(
    tenant_id       bigint primary key default siyu_current_tenant(),
    loss_notify     text not null default 'staff' check (loss_notify in ('none', 'staff', 'manager')),
    loss_manager_id text
);
select siyu_isolate_tenant('wecom_settings');

-- A sync of one app's directory and contacts with WeCom: progress while it runs, what it changed after.
create table wecom_sync_run
(
    tenant_id   bigint      not null default siyu_current_tenant(),
    id          bigint generated always as identity,
    app_id      bigint      not null,
    trigger     text        not null check (trigger in ('manual', 'schedule')),
    status      text        not null default 'running' check (status in ('running', 'done', 'failed')),
    -- {"phase":"contacts","done":12,"total":40}
    progress    jsonb       not null default '{}',
    -- {"departments":4,"staff":{"added":1,"removed":0},"contacts":{"added":3,"lost":1,"unchanged":120}}
    diff        jsonb       not null default '{}',
    error       text,
    started_at  timestamptz not null default now(),
    finished_at timestamptz,
    primary key (tenant_id, id),
    foreign key (tenant_id, app_id) references wecom_app (tenant_id, id) on delete cascade
);
select siyu_isolate_tenant('wecom_sync_run');
