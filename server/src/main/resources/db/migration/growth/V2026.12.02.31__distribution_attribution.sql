-- 分销 订单归属: who earns on an order that carries a distributor's share code.
--   binding       (the default) only the buyer's lasting binding counts; an order's code changes nothing
--   binding_first the binding decides; a buyer not yet bound is bound by the order's code, which then earns
--   order_first   a valid code decides its order; the binding decides the others
alter table distribution_settings
    add column attribution text not null default 'binding'
        check (attribution in ('binding', 'binding_first', 'order_first'));

-- What became of each order's code, once per order: who earned and why, or why the code was passed over.
create table distribution_order_code
(
    tenant_id           bigint      not null default siyu_current_tenant(),
    order_no            text        not null,
    customer_id         bigint      not null,
    code                text        not null,
    attribution         text        not null,
    -- the distributor the code names (null: no such code)
    code_distributor_id bigint,
    -- who earned level 1 on the order (null: no one)
    earner_id           bigint,
    via                 text check (via in ('order', 'binding')),
    note                text check (note in ('unknown', 'inactive', 'own')),
    -- the code bound the buyer (who was not bound before)
    bound               boolean     not null,
    at                  timestamptz not null,
    primary key (tenant_id, order_no)
);
select siyu_isolate_tenant('distribution_order_code');
