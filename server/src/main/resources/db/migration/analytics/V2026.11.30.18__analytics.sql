-- The WeCom funnel's baselines (seed 002: 引流成功率 about 70 %, 服务成功率 40–50 %, 变现成功率 30–40 %); no row = defaults.
create table analytics_setting
(
    tenant_id               bigint        not null default siyu_current_tenant() primary key,
    acquisition_baseline    numeric(5, 4) not null check (acquisition_baseline > 0 and acquisition_baseline <= 1),
    service_baseline        numeric(5, 4) not null check (service_baseline > 0 and service_baseline <= 1),
    monetisation_baseline   numeric(5, 4) not null check (monetisation_baseline > 0 and monetisation_baseline <= 1),
    updated_by              text,
    updated_at              timestamptz   not null default now()
);
select siyu_isolate_tenant('analytics_setting');

-- What a channel cost in a month (operators enter it): the base of CAC and ROI.
create table analytics_spend
(
    tenant_id  bigint         not null default siyu_current_tenant(),
    channel    text           not null check (length(channel) between 1 and 64),
    month      date           not null check (extract(day from month) = 1),
    amount     numeric(14, 2) not null check (amount > 0),
    updated_by text,
    updated_at timestamptz    not null default now(),
    primary key (tenant_id, channel, month)
);
select siyu_isolate_tenant('analytics_spend');
