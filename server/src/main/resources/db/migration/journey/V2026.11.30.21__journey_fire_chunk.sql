-- A fire's customers, cut into chunks as its cursor walks them: the lanes let chunks in side by side, each
-- chunk row deleted in the transaction that lets its customers in (and moves them as far as they go), so a
-- crash loses no chunk and admits none twice.
create table journey_fire_chunk
(
    tenant_id  bigint   not null default siyu_current_tenant(),
    id         bigint generated always as identity,
    journey_id bigint   not null,
    version    int      not null,
    customers  bigint[] not null,
    primary key (tenant_id, id)
);
select siyu_isolate_tenant('journey_fire_chunk');

-- Runs are written once, in the state their first steps reach (an ended run is in no open-run index): for a
-- journey entered once, this index is what refuses a second run of a customer let in twice at the same time.
alter table journey_run add column once boolean not null default false;
create unique index journey_run_once_idx on journey_run (tenant_id, journey_id, customer_id) where once;
