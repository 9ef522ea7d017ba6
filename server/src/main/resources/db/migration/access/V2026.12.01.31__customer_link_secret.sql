-- One row: the key that signs customer links (member pages and later campaign pages), generated at the first
-- start unless SIYU_LINK_SECRET is set. Not per tenant: the tenant is part of what is signed.
create table customer_link_secret
(
    id         smallint primary key default 1 check (id = 1),
    secret     bytea       not null,
    created_at timestamptz not null default now()
);
