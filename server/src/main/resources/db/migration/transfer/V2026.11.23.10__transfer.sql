-- Import and export jobs. The files themselves live in the data folder (transfer/<tenant>/); a job row
-- says what was asked, how far it got, and what came of it.
create table transfer_job
(
    tenant_id      bigint      not null,
    id             bigint generated always as identity,
    kind           text        not null check (kind in ('import', 'export')),
    entity         text        not null check (entity in ('customers', 'orders', 'events')),
    format         text        not null check (format in ('csv', 'xlsx')),
    encoding       text,
    file_name      text        not null,
    status         text        not null check (status in ('uploaded', 'running', 'done', 'failed')),
    mapping        jsonb       not null default '{}',
    total_rows     bigint      not null default 0,
    processed_rows bigint      not null default 0,
    accepted_rows  bigint      not null default 0,
    rejected_rows  bigint      not null default 0,
    message        text,
    created_by     text        not null,
    created_at     timestamptz not null default now(),
    -- a running job touches this at least every chunk; one left behind by a crash is seen as interrupted
    heartbeat_at   timestamptz,
    finished_at    timestamptz,
    primary key (tenant_id, id)
);
create index transfer_job_created_idx on transfer_job (tenant_id, id desc);
select siyu_isolate_tenant('transfer_job');
