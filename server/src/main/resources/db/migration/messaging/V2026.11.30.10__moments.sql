-- 客户朋友圈 tasks (add_moment_task): a post the chosen staff members are asked to publish to their customers'
-- moments, made in WeCom exactly once, and who published it.

create table moment_task
(
    tenant_id          bigint      not null default siyu_current_tenant(),
    id                 bigint generated always as identity,
    app_id             bigint      not null,
    name               text        not null,
    text               text        not null default '',
    material_ids       bigint[]    not null default '{}',
    -- who is asked to publish it (empty: every member who serves customers)
    staff              text[]      not null default '{}',
    -- Siyu tags (of WeCom corp tags): only customers with one of them see it (empty: all)
    tag_ids            int[]       not null default '{}',
    send_at            timestamptz not null,
    status             text        not null default 'scheduled'
        check (status in ('scheduled', 'creating', 'created', 'failed', 'cancelled')),
    -- pending: not asked yet; asking: add_moment_task was (maybe) called and its answer not recorded;
    -- job: WeCom gave a jobid, the moment_id comes from the job; done: the moment_id is known
    step               text        not null default 'pending' check (step in ('pending', 'asking', 'job', 'done')),
    job_id             text,
    moment_id          text,
    attempts           int         not null default 0,
    first_asked_at     timestamptz,
    next_at            timestamptz not null default now(),
    error              text,
    created_by         text,
    created_at         timestamptz not null default now(),
    made_at            timestamptz,
    tracked_at         timestamptz,
    primary key (tenant_id, id),
    unique (tenant_id, moment_id)
);
select siyu_isolate_tenant('moment_task');
create index moment_task_due_idx on moment_task (tenant_id, next_at)
    where status in ('scheduled', 'creating', 'created');

create table moment_task_staff
(
    tenant_id      bigint      not null default siyu_current_tenant(),
    moment_task_id bigint      not null,
    user_id        text        not null,
    published_at   timestamptz,
    -- how many of the member's customers it is shown to
    customers      int         not null default 0,
    primary key (tenant_id, moment_task_id, user_id),
    foreign key (tenant_id, moment_task_id) references moment_task (tenant_id, id) on delete cascade
);
select siyu_isolate_tenant('moment_task_staff');

-- moments take media from upload_attachment, messages from upload: the same file has a media id for each
alter table wecom_media add column purpose text not null default 'message' check (purpose in ('message', 'moment'));
alter table wecom_media drop constraint wecom_media_pkey;
alter table wecom_media add primary key (tenant_id, app_id, file_id, purpose);
