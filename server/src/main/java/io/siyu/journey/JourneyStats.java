package io.siyu.journey;

import io.siyu.customer.CustomerDirectory;
import io.siyu.customer.CustomerSummary;
import io.siyu.messaging.Outreach;
import io.siyu.shared.CursorPage;
import io.siyu.shared.DomainException;
import io.siyu.shared.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** How a journey is doing, per step and hour, who is in it, and a customer's way through journeys. */
@Service
public class JourneyStats {

    public record Totals(
            long entered, long active, long waiting, long done, long exited, long converted, long failed) {}

    public record StepStats(
            String id,
            @Nullable Integer version,
            String type,
            String name,
            long entered,
            long waiting,
            long done,
            long exited,
            long failed,
            long converted,
            Map<String, Long> effects) {}

    public record Hour(Instant at, long entered, long converted) {}

    public record Stats(Totals totals, List<StepStats> steps, List<Hour> hourly) {}

    public record RunView(
            long id,
            long customerId,
            String customerName,
            int version,
            String step,
            String state,
            Instant enteredAt,
            @Nullable Instant endedAt,
            @Nullable Instant convertedAt,
            @Nullable String exitReason,
            @Nullable String error) {}

    public record PathStep(
            String step,
            String type,
            String name,
            String outcome,
            Instant at,
            @Nullable String detail) {}

    public record Path(
            long journeyId,
            String name,
            long runId,
            int version,
            String state,
            String step,
            Instant enteredAt,
            @Nullable Instant endedAt,
            @Nullable Instant convertedAt,
            List<PathStep> steps) {}

    private final JdbcClient jdbc;
    private final Journeys journeys;
    private final JourneyStore store;
    private final CustomerDirectory customers;
    private final Outreach outreach;
    private final Clock clock;

    JourneyStats(
            JdbcClient jdbc,
            Journeys journeys,
            JourneyStore store,
            CustomerDirectory customers,
            Outreach outreach,
            Clock clock) {
        this.outreach = outreach;
        this.jdbc = jdbc;
        this.journeys = journeys;
        this.store = store;
        this.customers = customers;
        this.clock = clock;
    }

    /** Per step of {@code version} (the current one when null; all versions are counted together then). */
    @Transactional(readOnly = true)
    public Stats of(long journeyId, @Nullable Integer version) {
        var journey = journeys.get(journeyId);
        var shown = version != null ? version : journey.version();
        if (version != null && journey.versions().stream().noneMatch(v -> v.version() == version)) {
            throw DomainException.notFound("journey-version", version);
        }
        var filter = version == null ? "" : " and version = " + version;
        var totals = jdbc.sql("""
                        select count(*), count(*) filter (where ended_at is null and state = 'active'),
                               count(*) filter (where ended_at is null and state = 'waiting'),
                               count(*) filter (where state = 'done'), count(*) filter (where state = 'exited'),
                               count(converted_at), count(*) filter (where state = 'failed')
                        from journey_run where journey_id = ?""" + filter)
                .param(journeyId)
                .query((rs, n) -> new Totals(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getLong(7)))
                .single();
        var counts = new HashMap<String, long[]>(); // entered, waiting, done, exited, failed, converted
        Function<String, long[]> at = step -> counts.computeIfAbsent(step, s -> new long[6]);
        jdbc.sql("select step, outcome, count(*) from journey_step_log where journey_id = ?" + filter
                        + " group by step, outcome")
                .param(journeyId)
                .query(rs -> {
                    var c = at.apply(rs.getString(1));
                    long n = rs.getLong(3);
                    c[0] += n;
                    c[rs.getString(2).equals("failed") ? 4 : 2] += n;
                });
        jdbc.sql("""
                        select step, count(*) filter (where ended_at is null),
                               count(*) filter (where ended_at is null and state = 'waiting'),
                               count(*) filter (where state = 'exited' and exit_reason <> 'step')
                        from journey_run where journey_id = ?""" + filter + " group by step").param(journeyId).query(rs -> {
            var c = at.apply(rs.getString(1));
            c[0] += rs.getLong(2) + rs.getLong(4);
            c[1] += rs.getLong(3);
            c[3] += rs.getLong(4);
        });
        jdbc.sql("""
                        select l.step, count(distinct l.run_id) from journey_step_log l
                        join journey_run r on r.id = l.run_id
                        where l.journey_id = ? and r.converted_at is not null""" + filter.replace("version", "l.version") + " group by l.step")
                .param(journeyId)
                .query(rs -> {
                    at.apply(rs.getString(1))[5] += rs.getLong(2);
                });
        var steps = new ArrayList<StepStats>();
        if (shown != null) {
            var versions = version != null
                    ? List.of(version)
                    : journey.versions().stream()
                            .map(Journeys.VersionInfo::version)
                            .toList();
            for (var step : store.version(journeyId, shown).steps().values()) {
                var c = counts.getOrDefault(step.id(), new long[6]);
                steps.add(new StepStats(
                        step.id(),
                        shown,
                        step.type(),
                        step.name(),
                        c[0],
                        c[1],
                        c[2],
                        c[3],
                        c[4],
                        c[5],
                        effects(journeyId, versions, step)));
            }
        }
        return new Stats(totals, steps, hourly(journeyId, filter));
    }

    /**
     * What a step handed on: a message step's customers by what became of them in messaging (and those not
     * handed over yet), a task step's tasks, a webhook step's calls by outcome.
     */
    private Map<String, Long> effects(long journeyId, List<Integer> versions, JourneyDefinition.Step step) {
        var effects = new java.util.TreeMap<String, Long>();
        var versionArray = versions.toArray(Integer[]::new);
        switch (step.type()) {
            case "message" -> {
                effects.putAll(outreach.outcomes(versions.stream()
                        .map(v -> JourneyMessages.ref(step, journeyId, v))
                        .toList()));
                jdbc.sql("""
                                select status, count(*) from journey_action where journey_id = ? and step = ?
                                  and version = any(?::int[]) and status in ('pending', 'failed') group by status""").params(journeyId, step.id(), versionArray).query(rs -> {
                    effects.put(rs.getString(1).equals("pending") ? "waiting" : "not_handed", rs.getLong(2));
                });
            }
            case "group_message" ->
                effects.putAll(outreach.groupOutcomes(versions.stream()
                        .map(v -> JourneyMessages.ref(step, journeyId, v))
                        .toList()));
            case "moment" ->
                effects.putAll(outreach.momentOutcomes(versions.stream()
                        .map(v -> JourneyMessages.ref(step, journeyId, v))
                        .toList()));
            case "webhook" ->
                jdbc.sql("""
                            select status, count(*) from journey_action where journey_id = ? and step = ?
                              and version = any(?::int[]) group by status""").params(journeyId, step.id(), versionArray).query(rs -> {
                    effects.put(rs.getString(1), rs.getLong(2));
                });
            case "task" ->
                effects.put(
                        "tasks",
                        jdbc.sql("""
                            select count(*) from staff_task t join journey_step_log l on l.run_id = t.run_id and l.seq = t.seq
                            where t.journey_id = ? and l.step = ? and l.version = any(?::int[])""")
                                .params(journeyId, step.id(), versionArray)
                                .query(Long.class)
                                .single());
            default -> {}
        }
        return effects;
    }

    private List<Hour> hourly(long journeyId, String filter) {
        var from = clock.instant().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(47));
        var hours = new LinkedHashMap<Instant, long[]>();
        for (int i = 0; i < 48; i++) {
            hours.put(from.plus(Duration.ofHours(i)), new long[2]);
        }
        jdbc.sql("""
                        select date_trunc('hour', entered_at), count(*) from journey_run
                        where journey_id = ? and entered_at >= ?""" + filter + " group by 1")
                .params(journeyId, Timestamp.from(from))
                .query(rs -> {
                    var h = hours.get(rs.getTimestamp(1).toInstant());
                    if (h != null) {
                        h[0] = rs.getLong(2);
                    }
                });
        jdbc.sql("""
                        select date_trunc('hour', converted_at), count(*) from journey_run
                        where journey_id = ? and converted_at >= ?""" + filter + " group by 1")
                .params(journeyId, Timestamp.from(from))
                .query(rs -> {
                    var h = hours.get(rs.getTimestamp(1).toInstant());
                    if (h != null) {
                        h[1] = rs.getLong(2);
                    }
                });
        return hours.entrySet().stream()
                .map(e -> new Hour(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .toList();
    }

    @Transactional(readOnly = true)
    public CursorPage<RunView> runs(long journeyId, @Nullable String state, @Nullable String step, PageRequest page) {
        journeys.get(journeyId);
        var sql = new StringBuilder("""
                select id, customer_id, version, step, state, entered_at, ended_at, converted_at, exit_reason, error
                from journey_run where journey_id = ? and id < ?""");
        var params = new ArrayList<Object>(List.of(journeyId, page.before()));
        if (state != null && !state.isBlank()) {
            sql.append(" and state = ?");
            params.add(state);
        }
        if (step != null && !step.isBlank()) {
            sql.append(" and step = ?");
            params.add(step);
        }
        sql.append(" order by id desc limit ").append(page.fetchSize());
        var rows = jdbc.sql(sql.toString()).params(params).query(this::run).list();
        var names = names(rows.stream().map(RunView::customerId).toList());
        var named = rows.stream()
                .map(r -> new RunView(
                        r.id(),
                        r.customerId(),
                        names.getOrDefault(r.customerId(), ""),
                        r.version(),
                        r.step(),
                        r.state(),
                        r.enteredAt(),
                        r.endedAt(),
                        r.convertedAt(),
                        r.exitReason(),
                        r.error()))
                .toList();
        return CursorPage.ofDescending(named, page.limit(), RunView::id);
    }

    /** Every journey the customer entered, newest first, with the steps passed. */
    @Transactional(readOnly = true)
    public List<Path> pathsOf(long customerId) {
        customers.get(customerId); // 404 for customers the caller may not see
        var runs = jdbc.sql("""
                        select r.id, r.journey_id, j.name, r.version, r.state, r.step, r.entered_at, r.ended_at,
                               r.converted_at
                        from journey_run r join journey j on j.id = r.journey_id
                        where r.customer_id = ? order by r.id desc limit 100""")
                .param(customerId)
                .query((rs, n) -> new Path(
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getLong(1),
                        rs.getInt(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getTimestamp(7).toInstant(),
                        instant(rs.getTimestamp(8)),
                        instant(rs.getTimestamp(9)),
                        new ArrayList<>()))
                .list();
        if (runs.isEmpty()) {
            return runs;
        }
        var byRun = runs.stream().collect(Collectors.toMap(Path::runId, p -> p));
        jdbc.sql("select run_id, step, outcome, at, detail from journey_step_log where run_id = any(?::bigint[])"
                        + " order by run_id, seq")
                .param(byRun.keySet().toArray(Long[]::new))
                .query(rs -> {
                    var path = byRun.get(rs.getLong(1));
                    var step = store.version(path.journeyId(), path.version())
                            .steps()
                            .get(rs.getString(2));
                    path.steps()
                            .add(new PathStep(
                                    rs.getString(2),
                                    step == null ? "" : step.type(),
                                    step == null ? "" : step.name(),
                                    rs.getString(3),
                                    rs.getTimestamp(4).toInstant(),
                                    rs.getString(5)));
                });
        return runs;
    }

    private Map<Long, String> names(List<Long> ids) {
        return customers.summaries(ids).stream()
                .collect(Collectors.toMap(CustomerSummary::id, CustomerSummary::name, (a, b) -> a));
    }

    private RunView run(ResultSet rs, int n) throws SQLException {
        return new RunView(
                rs.getLong(1),
                rs.getLong(2),
                "",
                rs.getInt(3),
                rs.getString(4),
                rs.getString(5),
                rs.getTimestamp(6).toInstant(),
                instant(rs.getTimestamp(7)),
                instant(rs.getTimestamp(8)),
                rs.getString(9),
                rs.getString(10));
    }

    private static @Nullable Instant instant(@Nullable Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
