package io.siyu.growth;

import io.siyu.access.Actor;
import io.siyu.shared.DomainException;
import io.siyu.shared.FieldProblem;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 分销 program's settings (refund window, default rates, least withdrawal, order attribution) and its rates
 * per product and per category. A line's rate is its product's, else its category's, else the default; levels 1
 * and 2 together at most {@link #MAX_RATE} percent.
 */
@Service
public class DistributionSettings {

    static final BigDecimal MAX_RATE = new BigDecimal("50");
    static final int MAX_WINDOW_DAYS = 90;
    static final BigDecimal MIN_WITHDRAWAL = new BigDecimal("0.30");
    static final BigDecimal MAX_WITHDRAWAL = new BigDecimal("20000");
    private static final Pattern TARGET = Pattern.compile("\\S(.{0,62}\\S)?");
    /** An http(s) address without spaces, at most 500 characters (the column's check). */
    private static final Pattern SHARE_URL = Pattern.compile("https?://[^\\s#]{1,490}");

    /** The rates for both levels, percent. */
    record Rates(BigDecimal level1, BigDecimal level2) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    DistributionSettings(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Distribution.Settings get() {
        return jdbc.sql("""
                        select refund_window_days, level1_rate, level2_rate, min_withdrawal, share_url, attribution,
                               updated_by, updated_at
                        from distribution_settings""")
                .query((rs, n) -> new Distribution.Settings(
                        rs.getInt(1),
                        rs.getBigDecimal(2),
                        rs.getBigDecimal(3),
                        rs.getBigDecimal(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getTimestamp(8).toInstant()))
                .optional()
                .orElseGet(() -> new Distribution.Settings(
                        7,
                        new BigDecimal("10.00"),
                        new BigDecimal("3.00"),
                        new BigDecimal("1.00"),
                        null,
                        "binding",
                        null,
                        clock.instant()));
    }

    /** Replaces the settings (a share URL left out is removed); a changed window applies to orders paid from now on. */
    @Transactional
    public Distribution.Settings update(Distribution.SettingsInput input) {
        var problems = new ArrayList<FieldProblem>();
        var window = input.refundWindowDays();
        if (window == null || window < 0 || window > MAX_WINDOW_DAYS) {
            problems.add(new FieldProblem("refundWindowDays", "growth.distribution.window", MAX_WINDOW_DAYS));
        }
        rates(input.level1Rate(), input.level2Rate(), problems);
        var least = input.minWithdrawal();
        if (least == null
                || least.compareTo(MIN_WITHDRAWAL) < 0
                || least.compareTo(MAX_WITHDRAWAL) > 0
                || least.stripTrailingZeros().scale() > 2) {
            problems.add(new FieldProblem(
                    "minWithdrawal", "growth.distribution.min-withdrawal", MIN_WITHDRAWAL, MAX_WITHDRAWAL));
        }
        var shareUrl = input.shareUrl() == null || input.shareUrl().isBlank()
                ? null
                : input.shareUrl().strip();
        if (shareUrl != null && !SHARE_URL.matcher(shareUrl).matches()) {
            problems.add(new FieldProblem("shareUrl", "growth.distribution.share-url", 500));
        }
        var attribution = input.attribution() == null ? get().attribution() : input.attribution();
        if (!OrderAttribution.MODES.contains(attribution)) {
            problems.add(new FieldProblem(
                    "attribution",
                    "growth.distribution.attribution",
                    String.join(", ", OrderAttribution.MODES.stream().sorted().toList())));
        }
        if (!problems.isEmpty()) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "problem.invalid-request", problems);
        }
        jdbc.sql("""
                        insert into distribution_settings (refund_window_days, level1_rate, level2_rate, min_withdrawal,
                                                           share_url, attribution, updated_by, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (tenant_id) do update set refund_window_days = excluded.refund_window_days,
                            level1_rate = excluded.level1_rate, level2_rate = excluded.level2_rate,
                            min_withdrawal = excluded.min_withdrawal, share_url = excluded.share_url,
                            attribution = excluded.attribution, updated_by = excluded.updated_by,
                            updated_at = excluded.updated_at""")
                .params(
                        window,
                        input.level1Rate(),
                        input.level2Rate(),
                        least,
                        shareUrl,
                        attribution,
                        Actor.currentName(),
                        Timestamp.from(clock.instant()))
                .update();
        return get();
    }

    @Transactional(readOnly = true)
    public List<Distribution.Rate> rates() {
        return jdbc.sql(
                        "select id, scope, target, level1_rate, level2_rate from distribution_rate order by scope desc, target")
                .query((rs, n) -> new Distribution.Rate(
                        rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4), rs.getBigDecimal(5)))
                .list();
    }

    /** Sets the rate of a product or a category, replacing the one it had. */
    @Transactional
    public Distribution.Rate putRate(Distribution.RateInput input) {
        var problems = new ArrayList<FieldProblem>();
        if (!"product".equals(input.scope()) && !"category".equals(input.scope())) {
            problems.add(new FieldProblem("scope", "growth.distribution.scope"));
        }
        var target = input.target() == null ? "" : input.target().strip();
        if (!TARGET.matcher(target).matches()) {
            problems.add(new FieldProblem("target", "growth.distribution.target", 64));
        }
        rates(input.level1Rate(), input.level2Rate(), problems);
        if (!problems.isEmpty()) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "problem.invalid-request", problems);
        }
        long id = jdbc.sql("""
                        insert into distribution_rate (scope, target, level1_rate, level2_rate) values (?, ?, ?, ?)
                        on conflict (tenant_id, scope, target) do update set level1_rate = excluded.level1_rate,
                            level2_rate = excluded.level2_rate, updated_at = now()
                        returning id""")
                .params(input.scope(), target, input.level1Rate(), input.level2Rate())
                .query(Long.class)
                .single();
        return rates().stream().filter(r -> r.id() == id).findFirst().orElseThrow();
    }

    @Transactional
    public void deleteRate(long id) {
        if (jdbc.sql("delete from distribution_rate where id = ?").param(id).update() == 0) {
            throw DomainException.notFound("distribution-rate", id);
        }
    }

    /** The rates of a line: its SKU's, else its category's, else the default. */
    Rates rateOf(String sku, @Nullable String category, List<Distribution.Rate> rates, Distribution.Settings settings) {
        for (var scope : new String[] {"product", "category"}) {
            var target = scope.equals("product") ? sku : category;
            for (var rate : rates) {
                if (rate.scope().equals(scope) && rate.target().equals(target)) {
                    return new Rates(rate.level1Rate(), rate.level2Rate());
                }
            }
        }
        return new Rates(settings.level1Rate(), settings.level2Rate());
    }

    private static void rates(@Nullable BigDecimal level1, @Nullable BigDecimal level2, List<FieldProblem> problems) {
        boolean good = true;
        for (var field : new String[] {"level1Rate", "level2Rate"}) {
            var rate = field.equals("level1Rate") ? level1 : level2;
            if (rate == null
                    || rate.signum() < 0
                    || rate.compareTo(MAX_RATE) > 0
                    || rate.stripTrailingZeros().scale() > 2) {
                problems.add(new FieldProblem(field, "growth.distribution.rate", MAX_RATE));
                good = false;
            }
        }
        if (good
                && Objects.requireNonNull(level1)
                                .add(Objects.requireNonNull(level2))
                                .compareTo(MAX_RATE)
                        > 0) {
            problems.add(new FieldProblem("level2Rate", "growth.distribution.rate-sum", MAX_RATE));
        }
    }
}
