-- A personal group live code (群活码 of one sharer): a copy of a parent group code with its own 加入群聊 way and
-- state, made for one customer who shares it (社群裂变), so that a join through it is known to have come through
-- that customer. Personal codes are not listed with the operator's codes.
alter table wecom_group_code add column parent_id bigint;
alter table wecom_group_code add column sharer_customer_id bigint;
alter table wecom_group_code add constraint wecom_group_code_personal_check
    check ((parent_id is null) = (sharer_customer_id is null));
create unique index wecom_group_code_sharer_idx on wecom_group_code (tenant_id, parent_id, sharer_customer_id)
    where parent_id is not null;
