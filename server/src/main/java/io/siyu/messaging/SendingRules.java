package io.siyu.messaging;

import io.siyu.access.TenantManagement;
import io.siyu.shared.DomainException;
import io.siyu.shared.FieldProblem;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tenant's sending rules: quiet hours in its time zone (a send due in them waits for the morning), caps
 * on how many messages a customer gets through a channel a day and a week (0: no cap), and the corp's
 * 群发规则 in WeCom, which WeCom enforces by refusing a customer over it — so Siyu counts first and holds
 * those customers back instead of discovering it afterwards.
 */
@Service
public class SendingRules {

    /** The channel receipts are counted under for WeCom messages to customers (mass and 1:1 alike). */
    public static final String WECOM = "wecom";

    /** WeCom's rules (doc 92135): as many a month as it has days (the default), 7 a week, 1 a day, or 4 a month. */
    public static final List<String> QUOTAS = List.of("days-in-month", "7-per-week", "1-per-day", "4-per-month");

    /** WeCom counts its quota in China's calendar, whatever the tenant's zone. */
    static final ZoneId WECOM_ZONE = ZoneId.of("Asia/Shanghai");

    /**
     * @param dedupeDays the same content (text and materials) reaches a customer at most once in this many days,
     *     whatever sends it (0: no dedupe)
     * @param staffTasksPerDay WeCom tasks a staff member is handed a day (tenant zone); more wait for the next
     *     day (0: no limit)
     * @param tasksPerMinute WeCom tasks the tenant hands over a minute, on each Siyu instance (0: no limit)
     *     <p>The last three may be left out of an update: they keep their values.
     */
    public record Settings(
            String quietFrom,
            String quietTo,
            int capDay,
            int capWeek,
            String massQuota,
            @Nullable Integer dedupeDays,
            @Nullable Integer staffTasksPerDay,
            @Nullable Integer tasksPerMinute) {

        int dedupe() {
            return dedupeDays == null ? 0 : dedupeDays;
        }

        int staffLimit() {
            return staffTasksPerDay == null ? 0 : staffTasksPerDay;
        }

        int minuteLimit() {
            return tasksPerMinute == null ? 0 : tasksPerMinute;
        }
    }

    /** A message's priority: it counts against the caps only messages of its priority or higher. */
    public static final List<String> PRIORITIES = List.of("low", "normal", "high");

    static int rank(String priority) {
        return Math.max(0, PRIORITIES.indexOf(priority));
    }

    private final JdbcClient jdbc;
    private final TenantManagement tenants;

    SendingRules(JdbcClient jdbc, TenantManagement tenants) {
        this.jdbc = jdbc;
        this.tenants = tenants;
    }

    @Transactional(readOnly = true)
    public Settings settings() {
        return jdbc.sql("select to_char(quiet_from, 'HH24:MI'), to_char(quiet_to, 'HH24:MI'), cap_day, cap_week,"
                        + " mass_quota, dedupe_days, staff_tasks_per_day, tasks_per_minute from messaging_settings")
                .query((rs, n) -> new Settings(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getInt(4),
                        rs.getString(5),
                        rs.getInt(6),
                        rs.getInt(7),
                        rs.getInt(8)))
                .optional()
                .orElse(new Settings("21:00", "08:00", 1, 3, "days-in-month", 7, 0, 0));
    }

    @Transactional
    public Settings update(Settings given) {
        var current = settings();
        var settings = new Settings(
                given.quietFrom(),
                given.quietTo(),
                given.capDay(),
                given.capWeek(),
                given.massQuota(),
                given.dedupeDays() == null ? current.dedupeDays() : given.dedupeDays(),
                given.staffTasksPerDay() == null ? current.staffTasksPerDay() : given.staffTasksPerDay(),
                given.tasksPerMinute() == null ? current.tasksPerMinute() : given.tasksPerMinute());
        var problems = new ArrayList<FieldProblem>();
        var from = time("quietFrom", settings.quietFrom(), problems);
        var to = time("quietTo", settings.quietTo(), problems);
        if (settings.capDay() < 0 || settings.capDay() > 100) {
            problems.add(new FieldProblem("capDay", "messaging.cap", 0, 100));
        }
        if (settings.capWeek() < 0 || settings.capWeek() > 700) {
            problems.add(new FieldProblem("capWeek", "messaging.cap", 0, 700));
        }
        if (settings.dedupe() < 0 || settings.dedupe() > 90) {
            problems.add(new FieldProblem("dedupeDays", "messaging.cap", 0, 90));
        }
        if (settings.staffLimit() < 0 || settings.staffLimit() > 1000) {
            problems.add(new FieldProblem("staffTasksPerDay", "messaging.cap", 0, 1000));
        }
        if (settings.minuteLimit() < 0 || settings.minuteLimit() > 10_000) {
            problems.add(new FieldProblem("tasksPerMinute", "messaging.cap", 0, 10_000));
        }
        if (!QUOTAS.contains(settings.massQuota())) {
            problems.add(new FieldProblem("massQuota", "messaging.quota", String.join(", ", QUOTAS)));
        }
        if (!problems.isEmpty()) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "problem.invalid-request", problems);
        }
        jdbc.sql("""
                        insert into messaging_settings (quiet_from, quiet_to, cap_day, cap_week, mass_quota, dedupe_days,
                                                        staff_tasks_per_day, tasks_per_minute)
                        values (?::time, ?::time, ?, ?, ?, ?, ?, ?)
                        on conflict (tenant_id) do update set quiet_from = excluded.quiet_from,
                            quiet_to = excluded.quiet_to, cap_day = excluded.cap_day, cap_week = excluded.cap_week,
                            mass_quota = excluded.mass_quota, dedupe_days = excluded.dedupe_days,
                            staff_tasks_per_day = excluded.staff_tasks_per_day,
                            tasks_per_minute = excluded.tasks_per_minute""")
                .params(
                        from,
                        to,
                        settings.capDay(),
                        settings.capWeek(),
                        settings.massQuota(),
                        settings.dedupeDays(),
                        settings.staffTasksPerDay(),
                        settings.tasksPerMinute())
                .update();
        return settings();
    }

    private static @Nullable String time(String field, @Nullable String value, List<FieldProblem> problems) {
        try {
            return LocalTime.parse(value == null ? "" : value).toString();
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "messaging.time"));
            return null;
        }
    }

    ZoneId zone() {
        return ZoneId.of(tenants.current().timeZone());
    }

    /** The start of the tenant's day after {@code at}'s. */
    Instant nextDay(Instant at) {
        return at.atZone(zone()).truncatedTo(ChronoUnit.DAYS).plusDays(1).toInstant();
    }

    /** The start of the tenant's day {@code at} is in. */
    Instant dayStart(Instant at) {
        return at.atZone(zone()).truncatedTo(ChronoUnit.DAYS).toInstant();
    }

    /** A digest of a message's content: what the dedupe compares. */
    static String digest(String text, List<Long> materialIds) {
        try {
            var sha = java.security.MessageDigest.getInstance("SHA-256");
            sha.update(text.strip().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            for (var id : materialIds) {
                sha.update(("\u0000" + id).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return java.util.HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code at}, or the end of the quiet hours when it falls in them. */
    Instant outsideQuietHours(Instant at, Settings settings) {
        return outsideQuietHours(
                at, zone(), LocalTime.parse(settings.quietFrom()), LocalTime.parse(settings.quietTo()));
    }

    /** Quiet from {@code from} until {@code to} (over midnight when {@code to} is earlier; none when equal). */
    static Instant outsideQuietHours(Instant at, ZoneId zone, LocalTime from, LocalTime to) {
        if (from.equals(to) || !quiet(at.atZone(zone).toLocalTime(), from, to)) {
            return at;
        }
        var local = at.atZone(zone);
        var end = local.with(to).truncatedTo(ChronoUnit.MINUTES);
        return (end.isAfter(local) ? end : end.plusDays(1)).toInstant();
    }

    static boolean quiet(LocalTime time, LocalTime from, LocalTime to) {
        return from.isBefore(to)
                ? !time.isBefore(from) && time.isBefore(to)
                : !time.isBefore(from) || time.isBefore(to);
    }

    /** Why a customer must not be sent to now, if they must not. */
    enum Hold {
        FREQUENCY,
        QUOTA,
        SAME_CONTENT
    }

    /**
     * Which of these customers the caps, WeCom's quota or the dedupe hold back from one more WeCom message at
     * {@code at}, counted from their receipts: the caps count only messages of {@code priority} or higher, the
     * quota every message, the dedupe any message with the same {@code content} digest.
     */
    Map<Long, Hold> holds(
            Collection<Long> customers, Instant at, Settings settings, String priority, @Nullable String content) {
        var held = new HashMap<Long, Hold>();
        if (customers.isEmpty()) {
            return held;
        }
        var zone = zone();
        var day = at.atZone(zone).truncatedTo(ChronoUnit.DAYS);
        var week = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        var quota = quotaWindow(at, settings.massQuota());
        var dedupeFrom = at.minus(java.time.Duration.ofDays(settings.dedupe()));
        var since = earliest(day, week, quota.from());
        since = content != null && settings.dedupe() > 0 && dedupeFrom.isBefore(since) ? dedupeFrom : since;
        jdbc.sql("""
                        select customer_id,
                               count(*) filter (where at >= ? and priority >= ?),
                               count(*) filter (where at >= ? and priority >= ?),
                               count(*) filter (where at >= ?),
                               count(*) filter (where at >= ? and content = ?)
                        from message_receipt
                        where customer_id = any(?::bigint[]) and channel = ? and at >= ? and at <= ?
                        group by customer_id""")
                .params(
                        java.sql.Timestamp.from(day.toInstant()),
                        rank(priority),
                        java.sql.Timestamp.from(week.toInstant()),
                        rank(priority),
                        java.sql.Timestamp.from(quota.from().toInstant()),
                        java.sql.Timestamp.from(dedupeFrom),
                        settings.dedupe() > 0 ? content : null,
                        customers.toArray(Long[]::new),
                        WECOM,
                        java.sql.Timestamp.from(since),
                        java.sql.Timestamp.from(at))
                .query((rs, n) ->
                        new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)})
                .list()
                .forEach(c -> {
                    if (c[4] > 0) {
                        held.put(c[0], Hold.SAME_CONTENT);
                    } else if (c[3] >= quota.limit()) {
                        held.put(c[0], Hold.QUOTA);
                    } else if ((settings.capDay() > 0 && c[1] >= settings.capDay())
                            || (settings.capWeek() > 0 && c[2] >= settings.capWeek())) {
                        held.put(c[0], Hold.FREQUENCY);
                    }
                });
        return held;
    }

    private static Instant earliest(ZonedDateTime a, ZonedDateTime b, ZonedDateTime c) {
        var min = a.toInstant();
        min = b.toInstant().isBefore(min) ? b.toInstant() : min;
        return c.toInstant().isBefore(min) ? c.toInstant() : min;
    }

    record Window(ZonedDateTime from, int limit) {}

    /** The period WeCom counts a customer's mass messages in, and how many it allows in it. */
    static Window quotaWindow(Instant at, String rule) {
        var now = at.atZone(WECOM_ZONE);
        var day = now.truncatedTo(ChronoUnit.DAYS);
        return switch (rule) {
            case "1-per-day" -> new Window(day, 1);
            case "7-per-week" -> new Window(day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), 7);
            case "4-per-month" -> new Window(day.withDayOfMonth(1), 4);
            default -> new Window(day.withDayOfMonth(1), YearMonth.from(now).lengthOfMonth());
        };
    }
}
