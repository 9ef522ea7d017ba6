-- A stage's physical gift, once granted, is shipped: the participant's address first (awaiting_address), then
-- to_ship, shipped (carrier and tracking number), received; or cancelled before it is shipped, which gives its
-- stock back. One row per granted gift reward, written in the transaction that grants it: the key says so.

alter table campaign_stage add column gift_image text;

alter table campaign_reward drop constraint campaign_reward_status_check;
alter table campaign_reward add constraint campaign_reward_status_check
    check (status in ('granted', 'out_of_stock', 'cancelled'));

create table campaign_gift
(
    tenant_id      bigint      not null default siyu_current_tenant(),
    id             bigint generated always as identity,
    campaign_id    bigint      not null,
    participant_id bigint      not null,
    stage          int         not null,
    customer_id    bigint      not null,
    gift           text        not null,
    status         text        not null default 'awaiting_address'
        check (status in ('awaiting_address', 'to_ship', 'shipped', 'received', 'cancelled')),
    recipient      text,
    mobile         text,
    province       text,
    city           text,
    district       text,
    detail         text,
    carrier        text,
    tracking_no    text,
    granted_at     timestamptz not null default now(),
    addressed_at   timestamptz,
    shipped_at     timestamptz,
    received_at    timestamptz,
    cancelled_at   timestamptz,
    updated_at     timestamptz not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, campaign_id, participant_id, stage),
    foreign key (tenant_id, campaign_id, participant_id, stage)
        references campaign_reward (tenant_id, campaign_id, participant_id, stage) on delete cascade,
    -- nothing ships without an address, and a shipment has its tracking number
    check (status = 'awaiting_address' or status = 'cancelled' or (recipient is not null and mobile is not null)),
    check (status not in ('shipped', 'received') or (carrier is not null and tracking_no is not null))
);
select siyu_isolate_tenant('campaign_gift');
create index campaign_gift_status_idx on campaign_gift (tenant_id, campaign_id, status, id);
