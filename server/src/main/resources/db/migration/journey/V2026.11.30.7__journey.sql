-- Journeys (旅程/SOP): definitions in versions, and each customer's run through one, durably.

create table journey
(
    tenant_id       bigint      not null default siyu_current_tenant(),
    id              bigint generated always as identity,
    name            text        not null,
    description     text        not null default '',
    -- draft: never published; active: takes entries and moves runs; paused: holds both; stopped: ended
    status          text        not null default 'draft' check (status in ('draft', 'active', 'paused', 'stopped')),
    -- the working copy the console edits; checked only when published
    definition      jsonb       not null,
    version         int,
    webhook_secret  text        not null,
    created_by      text,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    primary key (tenant_id, id)
);
select siyu_isolate_tenant('journey');

-- A published definition; never changed, so runs can finish on the version they entered.
create table journey_version
(
    tenant_id    bigint      not null default siyu_current_tenant(),
    journey_id   bigint      not null,
    version      int         not null,
    definition   jsonb       not null,
    published_at timestamptz not null default now(),
    published_by text,
    primary key (tenant_id, journey_id, version),
    foreign key (tenant_id, journey_id) references journey (tenant_id, id) on delete cascade
);
select siyu_isolate_tenant('journey_version');

-- Customers a trigger let in, written in the transaction of what triggered it; the runner makes runs of them.
-- The key makes a trigger seen twice (a republished event, a schedule fired again after a crash) enter once.
create table journey_entry
(
    tenant_id   bigint      not null default siyu_current_tenant(),
    id          bigint generated always as identity,
    journey_id  bigint      not null,
    customer_id bigint      not null,
    key         text        not null,
    at          timestamptz not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, journey_id, key, customer_id)
);
select siyu_isolate_tenant('journey_entry');
create index journey_entry_journey_idx on journey_entry (tenant_id, journey_id, id);

-- One customer's way through one version. A run is due when due_at has passed: the runner then does its
-- step (or, when it was waiting, goes on from it). seq counts the steps done; (run, seq) keys every effect.
create table journey_run
(
    tenant_id    bigint      not null default siyu_current_tenant(),
    id           bigint generated always as identity,
    journey_id   bigint      not null,
    version      int         not null,
    customer_id  bigint      not null,
    step         text        not null,
    state        text        not null default 'active'
        check (state in ('active', 'waiting', 'done', 'exited', 'failed')),
    due_at       timestamptz,
    -- while waiting for an event: its type code; wait_outcome says what ended the wait (event, timeout, action)
    wait_event   int,
    wait_outcome text,
    seq          int         not null default 0,
    attempts     int         not null default 0,
    error        text,
    entered_at   timestamptz not null default now(),
    ended_at     timestamptz,
    converted_at timestamptz,
    exit_reason  text,
    primary key (tenant_id, id),
    foreign key (tenant_id, journey_id, version) references journey_version (tenant_id, journey_id, version)
);
select siyu_isolate_tenant('journey_run');
-- a customer is in a journey at most once at a time
-- few indexes: a fan-out writes a million runs, and every index is written with each
create unique index journey_run_open_idx on journey_run (tenant_id, journey_id, customer_id) where ended_at is null;
create index journey_run_due_idx on journey_run (tenant_id, due_at) where ended_at is null;
create index journey_run_journey_idx on journey_run (tenant_id, journey_id, id);
create index journey_run_customer_idx on journey_run (tenant_id, customer_id, journey_id);

-- Every step a run passed, with what came of it: the customer's path and the journey's statistics.
create table journey_step_log
(
    tenant_id  bigint      not null default siyu_current_tenant(),
    run_id     bigint      not null,
    seq        int         not null,
    journey_id bigint      not null,
    version    int         not null,
    step       text        not null,
    -- done, yes/no (conditions), branch-N (splits), event/timeout (waits for an event), failed, exited
    outcome    text        not null,
    detail     text,
    at         timestamptz not null default now(),
    primary key (tenant_id, run_id, seq)
);
select siyu_isolate_tenant('journey_step_log');
create index journey_step_log_stats_idx on journey_step_log (tenant_id, journey_id, version, step, outcome);

-- Work a step hands on, keyed by (run, seq) so a step redone after a crash hands it on once: messages go to
-- the messaging module in batches, webhooks are delivered with retries.
create table journey_action
(
    tenant_id   bigint      not null default siyu_current_tenant(),
    run_id      bigint      not null,
    seq         int         not null,
    journey_id  bigint      not null,
    version     int         not null,
    step        text        not null,
    customer_id bigint      not null,
    kind        text        not null check (kind in ('message', 'webhook')),
    -- pending → handed (a mass send took it) | done (webhook answered 2xx) | failed
    status      text        not null default 'pending' check (status in ('pending', 'handed', 'done', 'failed')),
    attempts    int         not null default 0,
    next_at     timestamptz not null default now(),
    mass_send_id bigint,
    error       text,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    primary key (tenant_id, run_id, seq)
);
select siyu_isolate_tenant('journey_action');
create index journey_action_pending_idx on journey_action (tenant_id, kind, journey_id, version, step, run_id)
    where status = 'pending';

-- When a schedule or date trigger last let customers in: one row per journey and occurrence.
create table journey_fire
(
    tenant_id  bigint      not null default siyu_current_tenant(),
    journey_id bigint      not null,
    occurrence text        not null,
    customers  bigint      not null,
    at         timestamptz not null default now(),
    primary key (tenant_id, journey_id, occurrence)
);
select siyu_isolate_tenant('journey_fire');

-- Tasks journeys give staff members (call a customer, follow up), shown to the staff member.
create table staff_task
(
    tenant_id   bigint      not null default siyu_current_tenant(),
    id          bigint generated always as identity,
    user_id     text,
    customer_id bigint      not null,
    journey_id  bigint,
    run_id      bigint,
    seq         int,
    title       text        not null,
    description text        not null default '',
    due_at      timestamptz,
    status      text        not null default 'open' check (status in ('open', 'done')),
    created_at  timestamptz not null default now(),
    done_at     timestamptz,
    done_by     text,
    primary key (tenant_id, id),
    unique (tenant_id, run_id, seq)
);
select siyu_isolate_tenant('staff_task');
create index staff_task_user_idx on staff_task (tenant_id, user_id, status, id);
