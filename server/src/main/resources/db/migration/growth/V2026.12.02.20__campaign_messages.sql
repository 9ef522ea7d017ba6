-- Progress messages (进度消息): what a campaign tells its participants when their invites count and when they reach
-- a stage (and, if the operator wants it, as soon as an invite is held), and, for a group campaign (社群裂变), the
-- task announced in each group of its group live code and a daily digest of the day's top inviters there.
-- The settings are the campaign's (null: no messages, as before). Each message is a row: a participant's waits
-- (pending) for a short window so that several invites counted in it give one message with the latest figures,
-- then is handed to messaging (a 1:1 or group send through WeCom's add_msg_template) under its occasion, which is
-- unique per campaign: the same figures, stage, group announcement or group-day digest are never sent twice.

alter table campaign add column messages jsonb;

create table campaign_message
(
    tenant_id      bigint      not null default siyu_current_tenant(),
    id             bigint generated always as identity,
    campaign_id    bigint      not null,
    -- a participant's message, or a group's (chat_id)
    participant_id bigint,
    chat_id        text,
    -- progress (invites counted or held), stage (a stage reached), announce (the task in a group), digest (a day's
    -- top inviters in a group)
    kind           text        not null check (kind in ('progress', 'stage', 'announce', 'digest')),
    stage          int,
    -- pending: waiting for its window; sent: handed to messaging (send_id); skipped: nothing new to say
    status         text        not null check (status in ('pending', 'sent', 'skipped')),
    -- what it is about, e.g. p12:stage:2, p12:progress:3:1, g:wrXXX:announce, g:wrXXX:digest:2026-12-01
    occasion       text,
    text           text,
    send_id        bigint,
    due_at         timestamptz not null default now(),
    created_at     timestamptz not null default now(),
    sent_at        timestamptz,
    primary key (tenant_id, id),
    unique (tenant_id, campaign_id, occasion),
    check ((participant_id is null) <> (chat_id is null))
);
select siyu_isolate_tenant('campaign_message');
-- one message waits per participant: later invites join it
create unique index campaign_message_pending_idx on campaign_message (tenant_id, participant_id)
    where status = 'pending';
create index campaign_message_due_idx on campaign_message (tenant_id, due_at) where status = 'pending';
create index campaign_message_campaign_idx on campaign_message (tenant_id, campaign_id, id);
