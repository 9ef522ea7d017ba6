create sequence tenant_id_seq;

create table tenant
(
    id         bigint primary key,
    name       text        not null check (length(name) between 1 and 100),
    time_zone  text        not null default 'Asia/Shanghai',
    created_at timestamptz not null default now()
);
-- the tenant row itself is isolated by its id
alter table tenant enable row level security;
alter table tenant force row level security;
create policy tenant_isolation on tenant using (id = siyu_current_tenant()) with check (id = siyu_current_tenant());

-- Usernames are unique across tenants so that a login needs only a username: this directory (no tenant
-- data in it) tells the login which tenant to enter before any tenant row can be read.
create table login_name
(
    username  text primary key check (username = lower(username)),
    tenant_id bigint not null references tenant (id)
);

create table staff_account
(
    tenant_id       bigint      not null references tenant (id),
    id              bigint generated always as identity primary key,
    username        text        not null unique references login_name (username) deferrable initially deferred,
    display_name    text        not null,
    role            text        not null check (role in ('admin', 'manager', 'operator', 'staff')),
    password_hash   text,
    enabled         boolean     not null default true,
    failed_attempts int         not null default 0,
    locked_until    timestamptz,
    last_login_at   timestamptz,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now()
);
create index staff_account_tenant_idx on staff_account (tenant_id, id desc);
select siyu_isolate_tenant('staff_account');

create table api_key
(
    tenant_id    bigint      not null references tenant (id),
    id           bigint generated always as identity primary key,
    name         text        not null,
    prefix       text        not null,
    secret_hash  bytea       not null unique,
    role         text        not null check (role in ('admin', 'manager', 'operator', 'staff')),
    created_at   timestamptz not null default now(),
    created_by   text        not null,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index api_key_tenant_idx on api_key (tenant_id, id desc);
select siyu_isolate_tenant('api_key');

create table audit_event
(
    tenant_id   bigint      not null references tenant (id),
    id          bigint generated always as identity primary key,
    occurred_at timestamptz not null default now(),
    actor       text        not null,
    action      text        not null,
    target      text,
    detail      jsonb       not null default '{}'
);
create index audit_event_tenant_idx on audit_event (tenant_id, id desc);
select siyu_isolate_tenant('audit_event');

-- One row: when this installation was first started and which tenant it created, so that first-start work
-- (first admin, demo data) happens exactly once.
create table installation
(
    id              smallint primary key default 1 check (id = 1),
    initialized_at  timestamptz not null default now(),
    first_tenant_id bigint      not null references tenant (id),
    demo_loaded_at  timestamptz
);
