-- 联系客户统计 (get_user_behavior_data) per staff member and day, as WeCom last served it: WeCom's figures
-- for a day settle the next morning, so the last two days are asked again on every sync. A figure WeCom
-- left out is null (reply_percentage and avg_reply_time are left out on days without chats).
create table wecom_staff_behavior
(
    tenant_id             bigint       not null default siyu_current_tenant(),
    app_id                bigint       not null,
    user_id               text         not null,
    -- the natural day in China time (WeCom floors its times to 00:00 CST)
    day                   date         not null,
    -- single chats in which the staff member sent a message
    chat_cnt              int check (chat_cnt >= 0),
    -- messages the staff member sent in single chats
    message_cnt           int check (message_cnt >= 0),
    -- share of chats the customer started that the staff member answered the same day, in percent
    reply_percentage      numeric(5, 2) check (reply_percentage between 0 and 100),
    -- minutes to the first answer in such chats, on average
    avg_reply_time        int check (avg_reply_time >= 0),
    -- customers who deleted or blocked the staff member
    negative_feedback_cnt int check (negative_feedback_cnt >= 0),
    -- friend requests the staff member sent
    new_apply_cnt         int check (new_apply_cnt >= 0),
    -- customers the staff member added
    new_contact_cnt       int check (new_contact_cnt >= 0),
    synced_at             timestamptz  not null default now(),
    primary key (tenant_id, app_id, user_id, day),
    foreign key (tenant_id, app_id, user_id) references wecom_staff (tenant_id, app_id, user_id) on delete cascade
);
select siyu_isolate_tenant('wecom_staff_behavior');
create index wecom_staff_behavior_day_idx on wecom_staff_behavior (tenant_id, day);
