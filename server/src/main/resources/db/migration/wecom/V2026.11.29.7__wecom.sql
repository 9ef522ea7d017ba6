-- WeCom apps a tenant connects (a self-built app of a corp, set up in 客户联系 → 可调用接口的应用), and the
-- callbacks they deliver. A callback row is written before WeCom gets its answer and processed afterwards,
-- once: a second delivery of the same callback finds its row and changes nothing.
create table wecom_app
(
    tenant_id        bigint      not null references tenant (id),
    id               bigint generated always as identity,
    name             text        not null check (length(name) between 1 and 60),
    corp_id          text        not null check (corp_id ~ '^[A-Za-z0-9_-]{1,64}$'),
    agent_id         text        not null check (agent_id ~ '^[0-9]{1,20}$'),
    secret           text        not null,
    token            text        not null check (token ~ '^[A-Za-z0-9]{1,32}$'),
    encoding_aes_key text        not null check (encoding_aes_key ~ '^[A-Za-z0-9]{43}$'),
    -- the random part of the callback URL: it names the app without revealing the corp
    callback_key     text        not null unique,
    -- null: WeCom itself (https://qyapi.weixin.qq.com); otherwise a simulator or a proxy
    api_base_url     text,
    created_at       timestamptz not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, corp_id, agent_id)
);
select siyu_isolate_tenant('wecom_app');

create table wecom_callback
(
    tenant_id    bigint      not null,
    id           bigint generated always as identity,
    app_id       bigint      not null,
    -- what makes a delivery the same callback again (WeCom retries 3 times when it gets no answer in 5 s)
    dedup_key    text        not null,
    kind         text        not null,
    fields       jsonb       not null,
    raw          text        not null,
    received_at  timestamptz not null default now(),
    deliveries   int         not null default 1,
    status       text        not null default 'pending'
        check (status in ('pending', 'processed', 'skipped', 'failed')),
    attempts     int         not null default 0,
    processed_at timestamptz,
    error        text,
    primary key (tenant_id, id),
    unique (tenant_id, app_id, dedup_key),
    foreign key (tenant_id, app_id) references wecom_app (tenant_id, id) on delete cascade
);
select siyu_isolate_tenant('wecom_callback');
create index wecom_callback_pending_idx on wecom_callback (tenant_id, id) where status = 'pending';

-- A callback names its app only by the key in its URL, before any tenant is known: this finds the tenant.
create function siyu_wecom_callback_tenant(key text) returns bigint
    language sql
    stable
    security definer
    set search_path = public
as $$
select tenant_id from wecom_app where callback_key = key
$$;
