package io.siyu.analytics;

import io.siyu.access.Actor;
import io.siyu.shared.DomainException;
import io.siyu.shared.FieldProblem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The WeCom funnel's baselines and the channel spend operators enter. */
@Service
public class AnalyticsSettings {

    static final int MAX_SPEND_ROWS = 500;
    static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");

    /** Seed 002's figures: 引流成功率 about 70 %, 服务成功率 40–50 %, 变现成功率 30–40 %. */
    public static final Baselines DEFAULTS =
            new Baselines(new BigDecimal("0.70"), new BigDecimal("0.45"), new BigDecimal("0.35"));

    public record Baselines(BigDecimal acquisition, BigDecimal service, BigDecimal monetisation) {}

    public record Settings(Baselines baselines) {}

    public record Spend(String channel, String month, BigDecimal amount) {}

    public record SpendRow(
            @Nullable String channel,
            @Nullable String month,
            @Nullable BigDecimal amount) {}

    private final JdbcClient jdbc;

    AnalyticsSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Settings get() {
        return new Settings(jdbc.sql("""
                        select acquisition_baseline, service_baseline, monetisation_baseline from analytics_setting""")
                .query((rs, n) -> new Baselines(rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getBigDecimal(3)))
                .optional()
                .orElse(DEFAULTS));
    }

    @Transactional
    public Settings update(@Nullable Baselines baselines) {
        var problems = new ArrayList<FieldProblem>();
        if (baselines == null) {
            problems.add(new FieldProblem("baselines", "analytics.baselines.required"));
        } else {
            checkShare("baselines.acquisition", baselines.acquisition(), problems);
            checkShare("baselines.service", baselines.service(), problems);
            checkShare("baselines.monetisation", baselines.monetisation(), problems);
        }
        if (!problems.isEmpty() || baselines == null) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "problem.invalid-request", problems);
        }
        jdbc.sql("""
                        insert into analytics_setting
                            (acquisition_baseline, service_baseline, monetisation_baseline, updated_by)
                        values (?, ?, ?, ?)
                        on conflict (tenant_id) do update set
                            acquisition_baseline = excluded.acquisition_baseline,
                            service_baseline = excluded.service_baseline,
                            monetisation_baseline = excluded.monetisation_baseline,
                            updated_by = excluded.updated_by, updated_at = now()""")
                .params(baselines.acquisition(), baselines.service(), baselines.monetisation(), Actor.currentName())
                .update();
        return get();
    }

    private static void checkShare(String field, @Nullable BigDecimal value, List<FieldProblem> problems) {
        if (value == null || value.signum() <= 0 || value.compareTo(BigDecimal.ONE) > 0 || value.scale() > 4) {
            problems.add(new FieldProblem(field, "analytics.baselines.range"));
        }
    }

    @Transactional(readOnly = true)
    public List<Spend> spend(Period period) {
        return jdbc.sql("""
                        select channel, to_char(month, 'YYYY-MM'), amount from analytics_spend
                        where month <= ? and (month + interval '1 month')::date > ?
                        order by month, channel""")
                .params(period.to(), period.from())
                .query((rs, n) -> new Spend(rs.getString(1), rs.getString(2), rs.getBigDecimal(3)))
                .list();
    }

    /** Upserts each row; an amount of 0 removes the month's entry. Every bad row is named; none is written then. */
    @Transactional
    public int putSpend(@Nullable List<SpendRow> rows) {
        var problems = new ArrayList<FieldProblem>();
        if (rows == null || rows.isEmpty()) {
            throw new DomainException(
                    HttpStatus.BAD_REQUEST,
                    "problem.invalid-request",
                    List.of(new FieldProblem("rows", "analytics.spend.empty")));
        }
        if (rows.size() > MAX_SPEND_ROWS) {
            throw new DomainException(
                    HttpStatus.PAYLOAD_TOO_LARGE,
                    "problem.invalid-request",
                    List.of(new FieldProblem("rows", "analytics.spend.too-many", MAX_SPEND_ROWS)));
        }
        var seen = new HashSet<String>();
        var months = new ArrayList<LocalDate>();
        for (int i = 0; i < rows.size(); i++) {
            var row = rows.get(i);
            var at = "rows[" + i + "]";
            var channel = row.channel() == null ? "" : row.channel().strip();
            if (channel.isEmpty() || channel.length() > 64) {
                problems.add(new FieldProblem(at + ".channel", "analytics.spend.channel"));
            }
            LocalDate month = null;
            try {
                month = row.month() == null
                        ? null
                        : YearMonth.parse(row.month()).atDay(1);
            } catch (DateTimeParseException e) {
                month = null;
            }
            if (month == null) {
                problems.add(new FieldProblem(at + ".month", "analytics.spend.month"));
            }
            months.add(month);
            if (row.amount() == null
                    || row.amount().signum() < 0
                    || row.amount().scale() > 2
                    || row.amount().compareTo(MAX_AMOUNT) > 0) {
                problems.add(new FieldProblem(at + ".amount", "analytics.spend.amount"));
            }
            if (!seen.add(channel + "|" + row.month())) {
                problems.add(new FieldProblem(at, "analytics.spend.duplicate"));
            }
        }
        if (!problems.isEmpty()) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "problem.invalid-request", problems);
        }
        var actor = Actor.currentName();
        for (int i = 0; i < rows.size(); i++) {
            var row = rows.get(i);
            var channel = java.util.Objects.requireNonNull(row.channel()).strip();
            var amount = java.util.Objects.requireNonNull(row.amount());
            if (amount.signum() == 0) {
                jdbc.sql("delete from analytics_spend where channel = ? and month = ?")
                        .params(channel, months.get(i))
                        .update();
            } else {
                jdbc.sql("""
                                insert into analytics_spend (channel, month, amount, updated_by) values (?, ?, ?, ?)
                                on conflict (tenant_id, channel, month) do update set
                                    amount = excluded.amount, updated_by = excluded.updated_by, updated_at = now()""").params(channel, months.get(i), amount, actor).update();
            }
        }
        return rows.size();
    }
}
