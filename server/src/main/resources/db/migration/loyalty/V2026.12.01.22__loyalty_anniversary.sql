-- Anniversary care (issue 9): on the anniversary of the day a member joined (the tenant's zone; 29 February on the
-- 28th in other years) they receive the program's anniversary points and/or coupon, and a member_anniversary event
-- that journeys can start on. A row per member and year makes a second run that day, or after a crash, give nothing.
alter table loyalty_program
    add column anniversary_points      bigint not null default 0 check (anniversary_points between 0 and 100000),
    add column anniversary_template_id bigint,
    add foreign key (tenant_id, anniversary_template_id) references coupon_template (tenant_id, id);

create table member_anniversary
(
    tenant_id   bigint      not null default siyu_current_tenant(),
    customer_id bigint      not null,
    year        int         not null,
    at          timestamptz not null default now(),
    primary key (tenant_id, customer_id, year)
);
select siyu_isolate_tenant('member_anniversary');
