package io.siyu.loyalty;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo data for the loyalty program, written set-wise in the demo's transaction: the profiles' member levels
 * become members with growth to match, a month of points earned and spent (ledger, lots and balances agreeing),
 * tier moves, three coupon templates with coupons issued and redeemed, a few mall items, and paid card plans with
 * their holders.
 */
@Service
public class LoyaltyDemo {

    private final JdbcClient jdbc;
    private final Programs programs;
    private final Clock clock;

    LoyaltyDemo(JdbcClient jdbc, Programs programs, Clock clock) {
        this.jdbc = jdbc;
        this.programs = programs;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public int load() {
        var now = Timestamp.from(clock.instant());
        var expires = programs.expiryOf(programs.get(), clock.instant());
        jdbc.sql("select setseed(0.2026)").query(rs -> {});
        int members = jdbc.sql("""
                        insert into member (customer_id, member_no, tier, growth, points, source, joined_at,
                                            referral_code)
                        select id, 'M' || lpad(id::text, 9, '0'), member_level,
                               case member_level when 1 then floor(random() * 1000)
                                                 when 2 then 1000 + floor(random() * 4000)
                                                 else 5000 + floor(random() * 10000) end,
                               0, 'import', least(coalesce(member_since::timestamptz, created_at), ?),
                               upper(to_hex(id) || substr(md5(random()::text), 1, 4))
                        from customer where member_level > 0 and survivor_id is null""").param(now).update();
        jdbc.sql("""
                        insert into member_growth (customer_id, growth, key, source, at)
                        select customer_id, growth, 'import:' || customer_id, 'import', joined_at from member""").update();
        jdbc.sql("""
                        insert into member_tier_change (customer_id, from_tier, to_tier, reason, at)
                        select customer_id, null, 1, 'join', joined_at from member
                        union all
                        select customer_id, 1, 2, 'upgrade',
                               joined_at + (?::timestamptz - joined_at) * (case when tier = 3 then 0.3 else 1 end) * random()
                        from member where tier >= 2
                        union all
                        select customer_id, 2, 3, 'upgrade', joined_at + (?::timestamptz - joined_at) * (0.5 + 0.5 * random())
                        from member where tier = 3""").params(now, now).update();
        // (a condition on random() alone would be decided once per template or generated row, not per member:
        // the draws below hash the member's id instead)
        // up to three purchases' points in the last 30 days, then a spend for about a third of members
        jdbc.sql("""
                        insert into points_entry (customer_id, kind, points, balance, key, source, ref, expires_at, at)
                        select customer_id, 'earn', points, sum(points) over (partition by customer_id order by at, n),
                               'demo:' || customer_id || ':' || n, 'purchase', 'DEMO-' || customer_id || '-' || n, ?, at
                        from (select m.customer_id, g n, ((50 + floor(random() * 450)) * m.tier)::bigint points,
                                     greatest(m.joined_at, ?::timestamptz - random() * interval '30 days') as at
                              from member m cross join generate_series(1, 3) g
                              where abs(hashint8(m.customer_id * 3 + g)) % 10 < 6) earned""")
                .params(expires == null ? null : Timestamp.from(expires), now)
                .update();
        jdbc.sql("""
                        insert into points_lot (customer_id, entry_id, points, remaining, expires_at)
                        select customer_id, id, points, points, expires_at from points_entry where kind = 'earn'""").update();
        jdbc.sql("""
                        with firsts as (
                            select distinct on (l.customer_id) l.customer_id, l.id lot, l.points,
                                   (select max(at) from points_entry e where e.customer_id = l.customer_id) last_at,
                                   (select sum(points) from points_entry e where e.customer_id = l.customer_id) balance
                            from points_lot l order by l.customer_id, l.expires_at, l.id),
                        chosen as (
                            select customer_id, lot, balance, greatest(1, floor(points * (0.3 + 0.7 * random())))::bigint spend,
                                   last_at + (?::timestamptz - last_at) * random() as at
                            from firsts where abs(hashint8(customer_id)) % 100 < 35),
                        spent as (
                            insert into points_entry (customer_id, kind, points, balance, key, source, ref, reason, at)
                            select customer_id, 'spend', -spend, balance - spend, 'demo-spend:' || customer_id, 'mall', null,
                                   '积分兑换', at from chosen
                            returning id, customer_id, -points spend)
                        insert into points_draw (entry_id, lot_id, points)
                        select s.id, c.lot, s.spend from spent s join chosen c using (customer_id)""").param(now).update();
        jdbc.sql("""
                        update points_lot l set remaining = l.remaining - d.points
                        from points_draw d where d.lot_id = l.id""").update();
        jdbc.sql("""
                        update member m set points = e.sum
                        from (select customer_id, sum(points) sum from points_entry group by 1) e
                        where e.customer_id = m.customer_id""").update();
        jdbc.sql("""
                        insert into coupon_template (code, name, kind, value, max_off, threshold, valid_days, per_customer,
                                                     stock)
                        values ('NEW20', '新人满 200 减 20', 'amount', 20, null, 200, 30, 1, null),
                               ('VIP85', '会员 85 折券', 'percent', 15, 50, 0, 14, 2, 50000),
                               ('BDAY30', '生日礼 30 元', 'amount', 30, null, 99, 30, 1, null)""").update();
        jdbc.sql("""
                        insert into coupon (template_id, customer_id, code, source, issue_key, issued_at, valid_from, expires_at)
                        select t.id, m.customer_id, upper(substr(replace(gen_random_uuid()::text, '-', ''), 1, 16)), 'console',
                               'demo:' || t.code || ':' || m.customer_id, at, at, at + make_interval(days => t.valid_days)
                        from member m cross join coupon_template t
                        cross join lateral (select ?::timestamptz - random() * interval '20 days' as at) a
                        where abs(hashint8(m.customer_id * 7 + t.id)) % 100
                              < case t.code when 'NEW20' then 50 when 'VIP85' then 30 else 10 end""").param(now).update();
        jdbc.sql("""
                        update coupon set status = 'redeemed', redemption_id = 'demo-' || id, order_no = 'DEMO-' || id,
                            discount = 20, redeemed_at = issued_at + (? - issued_at) * random()
                        where abs(hashint8(id)) % 10 < 4""").param(now).update();
        jdbc.sql("""
                        update coupon_template t set issued = (select count(*) from coupon c where c.template_id = t.id)""").update();
        jdbc.sql("""
                        insert into mall_item (name, description, points, cash, stock, per_member)
                        values ('品牌保温杯', '316 不锈钢，450ml', 1500, 0, 200, 1),
                               ('修护面膜 5 片装', '会员专享', 800, 0, 500, 2),
                               ('帆布托特包', null, 300, 0, 1000, 1),
                               ('精华液小样', '10ml', 100, 9.9, 2000, 5)""").update();
        cards(now);
        return members;
    }

    /**
     * Two paid card plans and their holders: about a quarter of the upper tiers bought the annual card over the
     * last 13 months (some ended, a few end within days, some renewed), a few first-tier members a month card.
     */
    private void cards(Timestamp now) {
        jdbc.sql("""
                        insert into card_plan (name, price, validity, validity_unit, floor_tier, benefits, active, updated_at)
                        values ('黑金年卡', 199, 12, 'months', 2, '全场 95 折 · 每月一张免邮券 · 新品优先购', true, ?),
                               ('体验月卡', 29.9, 30, 'days', null, '会员日双倍积分 · 专属客服', true, ?),
                               ('季卡', 79, 3, 'months', null, '季度礼盒一份', false, ?)""").params(now, now, now).update();
        jdbc.sql("""
                        insert into member_card (customer_id, plan_id, purchase_key, amount, renewal, valid_from, valid_until,
                                                 status, bought_at, ended_at)
                        select customer_id, plan, 'demo-card:' || customer_id, price, false, at, until,
                               case when until <= ? then 'expired' else 'active' end, at,
                               case when until <= ? then until end
                        from (select m.customer_id, p.id plan, p.price, b.at,
                                     case p.validity_unit when 'months' then b.at + make_interval(months => p.validity)
                                                          else b.at + make_interval(days => p.validity) end until
                              from member m
                              join card_plan p on p.name = case when m.tier >= 2 then '黑金年卡' else '体验月卡' end
                              cross join lateral (
                                  select case when abs(hashint8(m.customer_id * 11)) % 100 < 4
                                              -- these end within a week
                                              then ?::timestamptz - interval '12 months'
                                                   + (1 + abs(hashint8(m.customer_id)) % 6) * interval '1 day'
                                              when m.tier >= 2 then ?::timestamptz - random() * interval '400 days'
                                              else ?::timestamptz - random() * interval '40 days' end at) b
                              where abs(hashint8(m.customer_id * 11)) % 100 < case when m.tier >= 2 then 25 else 5 end) c""").params(now, now, now, now, now).update();
        // renewals bought in the last weeks of an annual card that is still valid
        jdbc.sql("""
                        insert into member_card (customer_id, plan_id, purchase_key, amount, renewal, valid_from, valid_until,
                                                 bought_at)
                        select customer_id, plan_id, purchase_key || ':renewal', 179, true, valid_until,
                               valid_until + interval '12 months',
                               least(?::timestamptz, valid_until - random() * interval '20 days')
                        from member_card
                        where status = 'active' and valid_until < ?::timestamptz + interval '60 days'
                          and valid_until > ?::timestamptz + interval '7 days'
                          and abs(hashint8(customer_id * 13)) % 100 < 60""").params(now, now, now).update();
    }
}
