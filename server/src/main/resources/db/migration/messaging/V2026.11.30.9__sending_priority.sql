-- Sending rules across journeys and mass sends: a priority per message (a message counts against the caps only
-- messages of its priority or higher, so a low-priority send never crowds out a high-priority one), the same
-- content not sent to a customer twice within dedupe_days whatever sent it, and limits on how many WeCom tasks
-- a staff member gets a day and the tenant hands over a minute (0: none).

alter table messaging_settings
    add column dedupe_days         int not null default 7 check (dedupe_days between 0 and 90),
    add column staff_tasks_per_day int not null default 0 check (staff_tasks_per_day between 0 and 1000),
    add column tasks_per_minute    int not null default 0 check (tasks_per_minute between 0 and 10000);

alter table mass_send
    add column priority text not null default 'normal' check (priority in ('high', 'normal', 'low'));

-- 0 low, 1 normal, 2 high; content: a digest of the text and materials, for dedupe
alter table message_receipt
    add column priority smallint not null default 1,
    add column content  text;

-- a staff member's tasks handed over today, for the daily limit
create index mass_send_task_staff_day_idx on mass_send_task (tenant_id, user_id, submitted_at);
