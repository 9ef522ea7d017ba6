-- The lead products (引流品) in each profile's first paid lead order: trial conversion by product. The rows
-- written before lack them, so the state is cleared and the next report rebuilds the table (truncate: the
-- state's row-level security would hide every row from a delete here).
alter table analytics_trial
    add column first_lead_skus text[] not null default '{}';
truncate analytics_trial_state;
