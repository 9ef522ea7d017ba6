-- A fire lets its customers in a chunk at a time: the version it fires and the last customer id let in
-- (null once all are in), so runs move while later chunks wait and a restart goes on from there.
alter table journey_fire add column version int;
alter table journey_fire add column cursor bigint;
