-- The tenant a transaction serves, set by the application with set_config('siyu.tenant_id', ..., true).
-- Unset or empty means no tenant: row-level security then matches no tenant-owned row.
create function siyu_current_tenant() returns bigint
    language sql stable parallel safe
as $$ select nullif(current_setting('siyu.tenant_id', true), '')::bigint $$;

-- Applies the standard tenant isolation policy to a tenant-owned table. FORCE makes it hold for the table
-- owner too; only superusers and BYPASSRLS roles (which Siyu refuses to run as) are exempt.
create function siyu_isolate_tenant(tbl regclass) returns void
    language plpgsql
as $$
begin
    execute format('alter table %s enable row level security', tbl);
    execute format('alter table %s force row level security', tbl);
    execute format('create policy tenant_isolation on %s using (tenant_id = siyu_current_tenant())'
                       || ' with check (tenant_id = siyu_current_tenant())', tbl);
end
$$;

-- Spring Modulith's event publication registry: the transactional outbox between modules (schema v2).
create table event_publication
(
    id                     uuid                     not null primary key,
    listener_id            text                     not null,
    event_type             text                     not null,
    serialized_event       text                     not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamp with time zone
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
