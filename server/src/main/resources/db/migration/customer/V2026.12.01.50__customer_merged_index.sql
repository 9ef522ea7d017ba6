-- Ingestion tells each batch's callers which profile their customers resolve to now. Few profiles are merged
-- away, so looking the batch's profiles up in an index of only those costs almost nothing.
create index customer_merged_idx on customer (tenant_id, id) where survivor_id is not null;
