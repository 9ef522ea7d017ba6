-- Device and IP repeats: the participant's progress page (H5) notes the device it was opened on (a hash of an id
-- the page keeps in the browser's storage and the user agent) and the client's address. A campaign may allow so
-- many participants per device or per address (0: no limit); those beyond it are flagged, and their invites go to
-- the review queue with the reason (device or ip) instead of counting by themselves.

alter table campaign add column max_participants_per_device int not null default 0
    check (max_participants_per_device between 0 and 100);
alter table campaign add column max_participants_per_ip int not null default 0
    check (max_participants_per_ip between 0 and 1000);

-- the first repeat found: device or ip (null: none, or within the limits)
alter table campaign_participant add column flagged text check (flagged in ('device', 'ip'));

create table campaign_sighting
(
    tenant_id      bigint      not null default siyu_current_tenant(),
    campaign_id    bigint      not null,
    -- device: hex SHA-256 of the page's device id and the user agent; ip: the client's address as text
    kind           text        not null check (kind in ('device', 'ip')),
    value          text        not null check (length(value) <= 64),
    participant_id bigint      not null,
    first_at       timestamptz not null default now(),
    last_at        timestamptz not null default now(),
    seen           int         not null default 1,
    primary key (tenant_id, campaign_id, kind, value, participant_id),
    foreign key (tenant_id, participant_id) references campaign_participant (tenant_id, id) on delete cascade
);
select siyu_isolate_tenant('campaign_sighting');
create index campaign_sighting_participant_idx on campaign_sighting (tenant_id, participant_id);
