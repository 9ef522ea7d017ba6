-- Files of tag assignments (customer identity, group, tag) are imported like customers, orders and events.
alter table transfer_job drop constraint transfer_job_entity_check;
alter table transfer_job add constraint transfer_job_entity_check
    check (entity in ('customers', 'orders', 'events', 'tags'));
