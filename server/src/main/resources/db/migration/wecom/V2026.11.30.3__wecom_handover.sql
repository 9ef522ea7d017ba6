-- Handovers (继承): a staff member's customers passed to another, while still employed (在职转移) or after
-- leaving (离职继承). WeCom starts each customer's handover and completes it 24 h later unless the customer
-- refuses; Siyu follows each customer's result until it is final.
create table wecom_handover
(
    tenant_id        bigint      not null default siyu_current_tenant(),
    id               bigint generated always as identity,
    app_id           bigint      not null,
    kind             text        not null check (kind in ('onjob', 'resigned')),
    handover_user_id text        not null,
    takeover_user_id text        not null,
    -- 在职转移 only: what the customer is told (≤ 200 characters)
    message          text,
    created_by       text        not null,
    created_at       timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, app_id) references wecom_app (tenant_id, id) on delete cascade
);
select siyu_isolate_tenant('wecom_handover');

create table wecom_handover_customer
(
    tenant_id        bigint      not null default siyu_current_tenant(),
    handover_id      bigint      not null,
    external_user_id text        not null,
    customer_id      bigint,
    -- waiting: WeCom started it; done: taken over; refused: the customer said no; limit: the takeover's
    -- customer limit or WeCom's 2-in-90-days rule; failed: WeCom refused to start it (errcode says why)
    status           text        not null check (status in ('waiting', 'done', 'refused', 'limit', 'failed')),
    errcode          int,
    takeover_at      timestamptz,
    updated_at       timestamptz not null default now(),
    primary key (tenant_id, handover_id, external_user_id),
    foreign key (tenant_id, handover_id) references wecom_handover (tenant_id, id) on delete cascade
);
select siyu_isolate_tenant('wecom_handover_customer');
create index wecom_handover_waiting_idx on wecom_handover_customer (tenant_id, handover_id) where status = 'waiting';
create index wecom_handover_customer_idx on wecom_handover_customer (tenant_id, external_user_id);
