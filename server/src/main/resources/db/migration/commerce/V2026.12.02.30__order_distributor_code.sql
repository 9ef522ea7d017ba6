-- The 分销 share code an order came through (optional, as the shop sends it): commerce keeps it on the order and
-- in the purchase event; growth decides what it is worth (see growth's distribution_order_code).
alter table customer_order add column distributor_code text check (length(distributor_code) between 1 and 64);
