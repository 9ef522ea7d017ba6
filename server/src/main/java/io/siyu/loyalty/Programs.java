package io.siyu.loyalty;

import io.siyu.access.TenantManagement;
import io.siyu.shared.DomainException;
import io.siyu.shared.FieldProblem;
import io.siyu.shared.TenantCache;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The loyalty program's settings; a tenant that never saved any has seed 003's three tiers. */
@Service
public class Programs {

    static final Set<String> JOIN_RULES = Set.of("free", "purchase", "paid_card");
    static final Set<String> EXPIRIES = Set.of("end_of_next_year", "days", "never");
    static final int MAX_WINDOW_MONTHS = 36;

    static final List<Program.Tier> DEFAULT_TIERS = List.of(
            new Program.Tier(1, "普通会员", 0, BigDecimal.ONE, BigDecimal.ZERO, false, 0, null, null),
            new Program.Tier(2, "银卡会员", 1_000, new BigDecimal("1.2"), new BigDecimal("5"), false, 200, null, null),
            new Program.Tier(3, "金卡会员", 5_000, new BigDecimal("1.5"), new BigDecimal("10"), true, 500, null, null));

    private final JdbcClient jdbc;
    private final TenantManagement tenants;
    private final Clock clock;
    // ingestion reads the program for every batch with a purchase
    private final TenantCache<Program> current = new TenantCache<>(Duration.ofSeconds(10));

    Programs(JdbcClient jdbc, TenantManagement tenants, Clock clock) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Program get() {
        return current.get(this::read);
    }

    private Program read() {
        var coupons = TierCoupons.configured(jdbc);
        var tiers = jdbc.sql("""
                        select level, name, min_growth, multiplier, discount_percent, free_shipping, birthday_points,
                               keep_growth
                        from loyalty_tier order by level""")
                .query((rs, n) -> new Program.Tier(
                        rs.getInt(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getBigDecimal(4),
                        rs.getBigDecimal(5),
                        rs.getBoolean(6),
                        rs.getLong(7),
                        (Long) rs.getObject(8),
                        coupons.getOrDefault(rs.getInt(1), List.of())))
                .list();
        return jdbc.sql("""
                        select name, join_rule, points_per_yuan, growth_per_yuan, points_expiry, points_expiry_days,
                               daily_cap, updated_at, referral_points, growth_window_months, anniversary_points,
                               (select code from coupon_template t where t.id = anniversary_template_id)
                        from loyalty_program""")
                .query((rs, n) -> new Program(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getBigDecimal(3),
                        rs.getBigDecimal(4),
                        rs.getString(5),
                        (Integer) rs.getObject(6),
                        (Long) rs.getObject(7),
                        rs.getLong(9),
                        window((Integer) rs.getObject(10)),
                        rs.getLong(11),
                        rs.getString(12),
                        tiers.isEmpty() ? DEFAULT_TIERS : tiers,
                        rs.getTimestamp(8).toInstant()))
                .optional()
                .orElseGet(() -> new Program(
                        "会员计划",
                        "free",
                        BigDecimal.ONE,
                        BigDecimal.ONE,
                        "end_of_next_year",
                        null,
                        null,
                        0L,
                        Program.LIFETIME,
                        0L,
                        null,
                        tiers.isEmpty() ? DEFAULT_TIERS : tiers,
                        null));
    }

    @Transactional
    public Program save(Program input) {
        var problems = new ArrayList<FieldProblem>();
        var name = input.name() == null ? "" : input.name().strip();
        if (name.isEmpty() || name.length() > 30) {
            problems.add(new FieldProblem("name", "loyalty.program.name", 30));
        }
        if (!JOIN_RULES.contains(String.valueOf(input.joinRule()))) {
            problems.add(new FieldProblem("joinRule", "loyalty.program.join-rule"));
        }
        rate(input.pointsPerYuan(), "pointsPerYuan", problems);
        rate(input.growthPerYuan(), "growthPerYuan", problems);
        if (!EXPIRIES.contains(String.valueOf(input.pointsExpiry()))) {
            problems.add(new FieldProblem("pointsExpiry", "loyalty.program.expiry"));
        } else if (input.pointsExpiry().equals("days")
                && (input.pointsExpiryDays() == null
                        || input.pointsExpiryDays() < 1
                        || input.pointsExpiryDays() > 3650)) {
            problems.add(new FieldProblem("pointsExpiryDays", "loyalty.program.expiry-days", 3650));
        }
        if (input.referralPoints() != null && (input.referralPoints() < 0 || input.referralPoints() > 100_000)) {
            problems.add(new FieldProblem("referralPoints", "loyalty.program.referral", 100_000));
        }
        if (input.dailyCap() != null && input.dailyCap() < 1) {

            problems.add(new FieldProblem("dailyCap", "loyalty.program.daily-cap"));
        }
        var months = windowMonths(input.growthWindow(), problems);
        var tiers = input.tiers() == null ? List.<Program.Tier>of() : input.tiers();
        if (tiers.isEmpty() || tiers.size() > 3) {
            problems.add(new FieldProblem("tiers", "loyalty.tiers", 3));
        }
        long before = -1;
        for (int i = 0; i < tiers.size(); i++) {
            var t = tiers.get(i);
            var at = "tiers[" + i + "].";
            var tierName = t.name() == null ? "" : t.name().strip();
            if (tierName.isEmpty() || tierName.length() > 20) {
                problems.add(new FieldProblem(at + "name", "loyalty.tier.name", 20));
            }
            if (i == 0 ? t.minGrowth() != 0 : t.minGrowth() <= before) {
                problems.add(new FieldProblem(
                        at + "minGrowth", i == 0 ? "loyalty.tier.first" : "loyalty.tier.rising", before + 1));
            }
            before = Math.max(before, t.minGrowth());
            if (t.multiplier() == null
                    || t.multiplier().compareTo(BigDecimal.ONE) < 0
                    || t.multiplier().compareTo(BigDecimal.TEN) > 0) {
                problems.add(new FieldProblem(at + "multiplier", "loyalty.tier.multiplier"));
            }
            if (t.discountPercent() == null
                    || t.discountPercent().signum() < 0
                    || t.discountPercent().compareTo(BigDecimal.valueOf(50)) > 0) {
                problems.add(new FieldProblem(at + "discountPercent", "loyalty.tier.discount", 50));
            }
            if (t.birthdayPoints() < 0 || t.birthdayPoints() > 100_000) {
                problems.add(new FieldProblem(at + "birthdayPoints", "loyalty.tier.birthday", 100_000));
            }
            if (t.keepGrowth() != null && (t.keepGrowth() < 0 || t.keepGrowth() > t.minGrowth())) {
                problems.add(new FieldProblem(at + "keepGrowth", "loyalty.tier.keep", t.minGrowth()));
            }
        }
        var couponIds = TierCoupons.check(jdbc, tiers, problems);
        var anniversaryTemplate = Anniversaries.check(jdbc, input, problems);
        if (!problems.isEmpty()) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "problem.invalid-request", problems);
        }
        current.changed();
        jdbc.sql("""
                        insert into loyalty_program (name, join_rule, points_per_yuan, growth_per_yuan, points_expiry,
                                                     points_expiry_days, daily_cap, updated_at, referral_points,
                                                     growth_window_months, anniversary_points,
                                                     anniversary_template_id)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (tenant_id) do update set name = excluded.name, join_rule = excluded.join_rule,
                            points_per_yuan = excluded.points_per_yuan, growth_per_yuan = excluded.growth_per_yuan,
                            points_expiry = excluded.points_expiry, points_expiry_days = excluded.points_expiry_days,
                            daily_cap = excluded.daily_cap, updated_at = excluded.updated_at,
                            referral_points = excluded.referral_points,
                            growth_window_months = excluded.growth_window_months,
                            anniversary_points = excluded.anniversary_points,
                            anniversary_template_id = excluded.anniversary_template_id""")
                .params(
                        name,
                        input.joinRule(),
                        input.pointsPerYuan(),
                        input.growthPerYuan(),
                        input.pointsExpiry(),
                        input.pointsExpiry().equals("days") ? input.pointsExpiryDays() : null,
                        input.dailyCap(),
                        Timestamp.from(clock.instant()),
                        input.referralPoints() == null ? 0 : input.referralPoints(),
                        months,
                        input.anniversaryPoints() == null ? 0 : input.anniversaryPoints(),
                        anniversaryTemplate)
                .update();
        jdbc.sql("delete from loyalty_tier").update();
        for (int i = 0; i < tiers.size(); i++) {
            var t = tiers.get(i);
            jdbc.sql("""
                            insert into loyalty_tier (level, name, min_growth, multiplier, discount_percent, free_shipping,
                                                      birthday_points, keep_growth)
                            values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            i + 1,
                            t.name().strip(),
                            t.minGrowth(),
                            t.multiplier(),
                            t.discountPercent(),
                            t.freeShipping(),
                            t.birthdayPoints(),
                            t.keepGrowth())
                    .update();
        }
        TierCoupons.store(jdbc, tiers, couponIds);
        return get();
    }

    /** The months of a {@code growthWindow} ("lifetime", the default, or 1 to 36); null: a lifetime. */
    @Nullable
    private static Integer windowMonths(@Nullable String window, List<FieldProblem> problems) {
        if (window == null || window.equals(Program.LIFETIME)) {
            return null;
        }
        if (window.matches("[0-9]{1,2}")) {
            int months = Integer.parseInt(window);
            if (months >= 1 && months <= MAX_WINDOW_MONTHS) {
                return months;
            }
        }
        problems.add(new FieldProblem("growthWindow", "loyalty.program.growth-window", MAX_WINDOW_MONTHS));
        return null;
    }

    private static String window(@Nullable Integer months) {
        return months == null ? Program.LIFETIME : String.valueOf(months);
    }

    /** When a program's growth window began, {@code now}: its months back in the tenant's zone; null: lifetime. */
    @Nullable
    Instant windowStart(Program program, Instant now) {
        var months = program.windowMonths();
        return months == null ? null : now.atZone(zone()).minusMonths(months).toInstant();
    }

    private static void rate(@Nullable BigDecimal rate, String field, List<FieldProblem> problems) {
        if (rate == null || rate.signum() < 0 || rate.compareTo(BigDecimal.valueOf(100)) > 0) {
            problems.add(new FieldProblem(field, "loyalty.program.rate", 100));
        }
    }

    /** When points granted now expire: the end of next year in the tenant's zone, after some days, or never. */
    @Nullable
    Instant expiryOf(Program program, Instant now) {
        return switch (program.pointsExpiry()) {
            case "never" -> null;
            case "days" ->
                now.plus(java.time.Duration.ofDays(
                        program.pointsExpiryDays() == null ? 365 : program.pointsExpiryDays()));
            default -> {
                var zone = zone();
                // the last second of next year, so that it reads as 12-31
                yield LocalDate.ofInstant(now, zone)
                        .withDayOfYear(1)
                        .plusYears(2)
                        .atStartOfDay(zone)
                        .toInstant()
                        .minusSeconds(1);
            }
        };
    }

    ZoneId zone() {
        return ZoneId.of(tenants.current().timeZone());
    }
}
