-- Background work that serves every tenant (catching up derived data after a restart) needs to know which
-- tenants exist, while the application role sees only the tenant it is bound to. Ids only, nothing else.
create function siyu_tenant_ids() returns setof bigint
    language sql
    stable
    security definer
    set search_path = public
as $$
select id from tenant order by id
$$;
