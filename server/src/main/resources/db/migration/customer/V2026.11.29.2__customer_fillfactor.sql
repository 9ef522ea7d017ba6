-- Every ingested batch moves "last active" of its customers. Free room on each page lets PostgreSQL update
-- those rows in place (heap-only tuples), without a new entry in each of the customer indexes.
alter table customer set (fillfactor = 85);
