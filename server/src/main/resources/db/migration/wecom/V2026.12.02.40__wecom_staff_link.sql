-- What WeCom's directory says of a staff member that can tell who they are in Siyu (user/list gives them to apps
-- allowed to see them; null otherwise).
alter table wecom_staff
    add column mobile text,
    add column email  text;

-- Which Siyu staff account a WeCom user (a userid: one person across the tenant's apps) is. A row without an
-- account is an administrator's "no account": automatic linking leaves that user alone from then on.
create table wecom_staff_link
(
    tenant_id  bigint      not null default siyu_current_tenant(),
    user_id    text        not null,
    account_id bigint,
    -- auto: the directory and the account agreed (userid = username, or the same mobile or email); admin: by hand
    source     text        not null check (source in ('auto', 'admin')),
    linked_at  timestamptz not null default now(),
    primary key (tenant_id, user_id),
    unique (tenant_id, account_id)
);
select siyu_isolate_tenant('wecom_staff_link');
