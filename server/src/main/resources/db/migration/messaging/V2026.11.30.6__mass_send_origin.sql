-- Mass sends a journey step makes (its messages, batched) are kept apart from those made in the console.
alter table mass_send add column origin text not null default 'console' check (origin in ('console', 'journey'));
alter table mass_send add column origin_ref text;
create index mass_send_origin_idx on mass_send (tenant_id, origin, id);
