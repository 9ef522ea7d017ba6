package io.siyu.loyalty;

import io.siyu.event.EventType;
import io.siyu.event.StoredEvent;
import io.siyu.shared.FieldProblem;
import io.siyu.shared.TenantId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Exclusive tier coupons (issue 9): a member who moves up to a tier receives its coupons in the transaction that
 * moves them; a monthly coupon comes again each month (the tenant's zone) while they stay. Each is issued once per
 * member, tier, template and period — a {@code tier_coupon_grant} row and the coupon's issue key, both unique — so
 * a re-heard move or a re-run of the daily job issues nothing. Inactive templates are passed over, never failing
 * the move that asked for them.
 */
@Component
class TierCoupons implements io.siyu.event.EventObserver {

    static final int MAX_PER_TIER = 5;
    static final String REACHED = "reached";

    private final JdbcClient jdbc;
    private final Programs programs;
    private final Coupons coupons;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final tools.jackson.databind.json.JsonMapper json =
            tools.jackson.databind.json.JsonMapper.builder().build();

    TierCoupons(JdbcClient jdbc, Programs programs, Coupons coupons, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.programs = programs;
        this.coupons = coupons;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void eventsStoring(TenantId tenant, List<StoredEvent> events) {
        for (var event : events) {
            if (event.type() == EventType.TIER_CHANGE.code() && event.properties() != null) {
                var moved = json.readTree(event.properties());
                if (moved.path("direction").asString("").equals("up")) {
                    reached(event.customerId(), moved.path("to").asInt());
                }
            }
        }
    }

    private void reached(long customer, int level) {
        var tier = programs.get().tier(level);
        if (tier.level() != level) {
            return;
        }
        var month = period(today());
        for (var coupon : tier.coupons()) {
            issue(coupon.templateCode(), level, List.of(customer), coupon.monthly() ? month : REACHED);
        }
    }

    /** This month's monthly coupons for members in their tiers, a page at a time; answers how many were issued. */
    int monthly(LocalDate today) {
        var program = transactions.execute(s -> programs.get());
        int issued = 0;
        for (var tier : program == null ? List.<Program.Tier>of() : program.tiers()) {
            for (var coupon : tier.coupons()) {
                if (coupon.monthly()) {
                    issued += monthly(tier.level(), coupon.templateCode(), period(today));
                }
            }
        }
        return issued;
    }

    private int monthly(int level, String code, String period) {
        int issued = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<Long> page = transactions.execute(s -> jdbc.sql(
                            "select customer_id from member where tier = ? and customer_id > ? order by 1 limit ?")
                    .params(level, from, LoyaltyWork.BATCH)
                    .query(Long.class)
                    .list());
            if (page == null || page.isEmpty()) {
                return issued;
            }
            Integer n = transactions.execute(s -> issue(code, level, page, period));
            issued += n == null ? 0 : n;
            after = page.getLast();
        }
    }

    /** Issues the template to those of these members who did not get it for this tier and period yet. */
    private int issue(String code, int level, List<Long> customers, String period) {
        var template = jdbc.sql("select id from coupon_template where code = ? and active")
                .param(code)
                .query(Long.class)
                .optional();
        if (template.isEmpty()) {
            return 0;
        }
        List<Long> fresh = jdbc.sql("""
                        insert into tier_coupon_grant (customer_id, level, template_id, period, at)
                        select c, ?, ?, ?, ? from unnest(?::bigint[]) c
                        on conflict do nothing returning customer_id""")
                .params(level, template.get(), period, Timestamp.from(clock.instant()), customers.toArray(Long[]::new))
                .query(Long.class)
                .list();
        if (fresh.isEmpty()) {
            return 0;
        }
        var keys = new HashMap<Long, String>();
        fresh.forEach(c -> keys.put(c, "tier:" + c + ":" + level + ":" + template.get() + ":" + period));
        return coupons.grant(code, keys, "tier").issued();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(programs.zone()));
    }

    static String period(LocalDate day) {
        return day.toString().substring(0, 7);
    }

    /** The tiers' coupons as saved, by level, in their order. */
    static Map<Integer, List<Program.TierCoupon>> configured(JdbcClient jdbc) {
        var byLevel = new HashMap<Integer, List<Program.TierCoupon>>();
        jdbc.sql("""
                        select c.level, t.code, c.monthly from loyalty_tier_coupon c
                        join coupon_template t on t.id = c.template_id order by c.level, c.position""").query(rs -> {
            byLevel.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>())
                    .add(new Program.TierCoupon(rs.getString(2), rs.getBoolean(3)));
        });
        return byLevel;
    }

    /** Checks the tiers' coupons; answers the template id of each code that names one. */
    static Map<String, Long> check(JdbcClient jdbc, List<Program.Tier> tiers, List<FieldProblem> problems) {
        var codes = tiers.stream()
                .flatMap(t -> t.coupons().stream())
                .map(c -> String.valueOf(c.templateCode()).strip())
                .distinct()
                .toArray(String[]::new);
        var ids = new HashMap<String, Long>();
        jdbc.sql("select code, id from coupon_template where code = any(?::text[])")
                .param(codes)
                .query(rs -> {
                    ids.put(rs.getString(1), rs.getLong(2));
                });
        for (int i = 0; i < tiers.size(); i++) {
            var coupons = tiers.get(i).coupons();
            var seen = new HashSet<String>();
            for (int j = 0; j < coupons.size(); j++) {
                var code = String.valueOf(coupons.get(j).templateCode()).strip();
                if (!ids.containsKey(code)) {
                    problems.add(new FieldProblem(
                            "tiers[" + i + "].coupons[" + j + "].templateCode", "loyalty.tier.coupon", code));
                }
                seen.add(code);
            }
            if (coupons.size() > MAX_PER_TIER || seen.size() < coupons.size()) {
                problems.add(new FieldProblem("tiers[" + i + "].coupons", "loyalty.tier.coupons", MAX_PER_TIER));
            }
        }
        return ids;
    }

    /** Replaces the saved tiers' coupons (level by position, as the tiers themselves are saved). */
    static void store(JdbcClient jdbc, List<Program.Tier> tiers, Map<String, Long> ids) {
        jdbc.sql("delete from loyalty_tier_coupon").update();
        for (int i = 0; i < tiers.size(); i++) {
            var coupons = tiers.get(i).coupons();
            for (int j = 0; j < coupons.size(); j++) {
                jdbc.sql("""
                                insert into loyalty_tier_coupon (level, template_id, monthly, position)
                                values (?, ?, ?, ?)""")
                        .params(
                                i + 1,
                                ids.get(coupons.get(j).templateCode().strip()),
                                coupons.get(j).monthly(),
                                j)
                        .update();
            }
        }
    }
}
