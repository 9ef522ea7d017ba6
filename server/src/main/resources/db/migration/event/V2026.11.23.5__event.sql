-- Customer events, partitioned by month so that old months can be detached and scans stay on the months asked.
create table event
(
    tenant_id   bigint      not null,
    customer_id bigint      not null,
    type        smallint    not null,
    occurred_at timestamptz not null
) partition by range (occurred_at);
create index event_tenant_time_idx on event (tenant_id, occurred_at);
create index event_customer_idx on event (tenant_id, customer_id, occurred_at);
create table event_default partition of event default;
select siyu_isolate_tenant('event');
select siyu_isolate_tenant('event_default');

-- Creates the monthly partitions covering [from_month, to_month]. SECURITY DEFINER: the application role
-- may not create tables, but it may ask for the months it is about to write. Each partition gets the tenant
-- policy too, so that even a direct query on a partition is isolated.
create function siyu_ensure_event_partitions(from_month date, to_month date) returns int
    language plpgsql
    security definer
    set search_path = public
as $$
declare
    month   date := date_trunc('month', from_month);
    created int  := 0;
    part    text;
begin
    if to_month - from_month > 3700 then
        raise exception 'partition range too large: % to %', from_month, to_month;
    end if;
    while month <= to_month loop
        part := format('event_y%sm%s', to_char(month, 'YYYY'), to_char(month, 'MM'));
        if to_regclass(part) is null then
            execute format('create table %I partition of event for values from (%L) to (%L)',
                           part, month::timestamptz, (month + interval '1 month')::timestamptz);
            perform siyu_isolate_tenant(part::regclass);
            created := created + 1;
        end if;
        month := month + interval '1 month';
    end loop;
    return created;
end
$$;
select siyu_ensure_event_partitions((now() - interval '13 months')::date, (now() + interval '3 months')::date);
