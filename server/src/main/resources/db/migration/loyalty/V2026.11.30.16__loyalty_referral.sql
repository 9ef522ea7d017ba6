-- Member referral (seed 003): each member has an invite code; a member who joins with one is referred by its
-- owner, who earns the program's referral points once, on the referee's first paid order.
alter table loyalty_program
    add column referral_points bigint not null default 0 check (referral_points between 0 and 100000);

alter table member
    add column referral_code text,
    add column referred_by   bigint;
update member set referral_code = upper(substr(replace(gen_random_uuid()::text, '-', ''), 1, 8));
alter table member alter column referral_code set not null;
create unique index member_referral_code_idx on member (tenant_id, referral_code);
create index member_referred_by_idx on member (tenant_id, referred_by) where referred_by is not null;
