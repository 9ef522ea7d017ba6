-- Analytics reads orders by the time they were paid (revenue, trends, GMV, trial conversion); the commerce
-- module's own indexes are by customer and by time placed.
create index customer_order_paid_idx on customer_order (tenant_id, paid_at) where paid_at is not null;
