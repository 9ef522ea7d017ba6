-- The demo's WeCom history (relations, codes, staff behaviour) belongs to an app with no WeCom behind it: it is
-- listed nowhere (apps, live codes), never reconciled and never asked for 联系客户统计.
alter table wecom_app
    add column demo boolean not null default false;
