-- 客户群群发: a mass send may go to customer groups instead of customers. Each owner is asked to send to their
-- groups (add_msg_template with chat_type group); a group's receipt per send is what keeps it from getting the
-- send twice, and what WeCom's per-group quota is counted from.

alter table mass_send
    add column chat_type text not null default 'single' check (chat_type in ('single', 'group'));

create table mass_send_group
(
    tenant_id    bigint      not null default siyu_current_tenant(),
    mass_send_id bigint      not null,
    chat_id      text        not null,
    -- the order groups were planned in: the cursor the recipients list pages by
    seq          int         not null,
    name         text        not null default '',
    -- the owner, who is asked to send; null when the group has none who can (resigned, being handed over)
    user_id      text,
    part         int,
    -- planned → submitted → delivered | dismissed | over_quota | unsent; failed or cancelled with the task;
    -- or held: no_owner, quota (WeCom would refuse the group), duplicate (already sent)
    status       text        not null,
    updated_at   timestamptz not null default now(),
    primary key (tenant_id, mass_send_id, chat_id),
    unique (tenant_id, mass_send_id, seq),
    foreign key (tenant_id, mass_send_id) references mass_send (tenant_id, id) on delete cascade
);
select siyu_isolate_tenant('mass_send_group');
create index mass_send_group_task_idx on mass_send_group (tenant_id, mass_send_id, user_id, part);

create table group_receipt
(
    tenant_id bigint      not null default siyu_current_tenant(),
    chat_id   text        not null,
    -- mass:<id>
    source    text        not null,
    at        timestamptz not null default now(),
    primary key (tenant_id, chat_id, source)
);
select siyu_isolate_tenant('group_receipt');
create index group_receipt_recent_idx on group_receipt (tenant_id, chat_id, at);
