-- Member referral (seed 003): each member has an invite code; a member who joins with one is referred by its
-- owner, who earns the program's referral points once, on the referee's first paid order.
alter table loyalty_program
    add column referral_points bigint not null default 0 check (referral_points between 0 and 100000);

alter table member
    add column referral_code text,
    add column referred_by   bigint;
-- the customer's id in hex makes a code unique; four random characters make it hard to guess from a neighbour's
update member set referral_code = upper(to_hex(customer_id) || substr(md5(random()::text), 1, 4));
alter table member alter column referral_code set not null;
create unique index member_referral_code_idx on member (tenant_id, referral_code);
create index member_referred_by_idx on member (tenant_id, referred_by) where referred_by is not null;

-- Reminders of expiring points already told (a points_expiring event), once per member and expiry time.
create table points_reminder
(
    tenant_id   bigint      not null default siyu_current_tenant(),
    customer_id bigint      not null,
    expires_at  timestamptz not null,
    at          timestamptz not null default now(),
    primary key (tenant_id, customer_id, expires_at)
);
select siyu_isolate_tenant('points_reminder');
