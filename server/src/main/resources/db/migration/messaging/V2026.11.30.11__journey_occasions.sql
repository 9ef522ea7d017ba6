-- Journey steps that reach customer groups or moments are shared: a step makes one send or post per occasion
-- (its version and the day), however many customers pass it. The occasion names it; unique, so once.
alter table mass_send add column occasion text;
create unique index mass_send_occasion_idx on mass_send (tenant_id, occasion);

alter table moment_task add column origin text not null default 'console' check (origin in ('console', 'journey'));
alter table moment_task add column origin_ref text;
alter table moment_task add column occasion text;
create unique index moment_task_occasion_idx on moment_task (tenant_id, occasion);
create index moment_task_origin_idx on moment_task (tenant_id, origin, id);
