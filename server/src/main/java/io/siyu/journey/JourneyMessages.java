package io.siyu.journey;

import io.siyu.messaging.MassSendInput;
import io.siyu.messaging.MomentTasks;
import io.siyu.messaging.Outreach;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands message steps' customers to the messaging module: a step's customers are gathered for up to
 * {@code gather} (or until {@link StepExecutor#DIRECT} wait), then sent as one mass send — one WeCom task per
 * staff member to confirm, not one per customer — made in the transaction that marks the actions handed, so
 * each customer is handed over once. Large groups skip the gathering ({@link #sendNow}). The sending rules,
 * WeCom calls and tracking are messaging's.
 */
@Component
class JourneyMessages {

    private record Pending(long journeyId, int version, String step) {}

    private record Action(long runId, int seq, long customerId) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JourneyStore store;
    private final Outreach outreach;
    private final JourneyProperties properties;
    private final Clock clock;

    JourneyMessages(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            JourneyStore store,
            Outreach outreach,
            JourneyProperties properties,
            Clock clock) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.store = store;
        this.outreach = outreach;
        this.clock = clock;
    }

    int round() {
        var pending = Objects.requireNonNull(transactions.execute(s -> jdbc.sql("""
                        select journey_id, version, step from journey_action
                        where kind = 'message' and status = 'pending' and next_at <= ?
                        group by journey_id, version, step
                        having min(created_at) <= ? or count(*) >= ? limit 20""")
                .params(
                        java.sql.Timestamp.from(clock.instant()),
                        java.sql.Timestamp.from(clock.instant().minus(properties.gather())),
                        StepExecutor.DIRECT)
                .query((rs, n) -> new Pending(rs.getLong(1), rs.getInt(2), rs.getString(3)))
                .list()));
        int done = 0;
        for (var p : pending) {
            done += Objects.requireNonNull(transactions.execute(s -> hand(p)));
        }
        return done;
    }

    private int hand(Pending p) {
        var actions = jdbc.sql("""
                        select run_id, seq, customer_id from journey_action
                        where journey_id = ? and version = ? and step = ? and kind = 'message' and status = 'pending'
                        order by run_id limit ? for update skip locked""")
                .params(p.journeyId(), p.version(), p.step(), Outreach.MAX_BATCH)
                .query((rs, n) -> new Action(rs.getLong(1), rs.getInt(2), rs.getLong(3)))
                .list();
        if (actions.isEmpty()) {
            return 0;
        }
        var step = store.version(p.journeyId(), p.version()).steps().get(p.step());
        var app = step == null ? null : app(step);
        if (step == null || app == null) {
            mark(actions, "failed", null, step == null ? "step removed" : "no WeCom app connected");
            return actions.size();
        }
        long sendId = send(
                step,
                app,
                p.journeyId(),
                p.version(),
                actions.stream().map(Action::customerId).distinct().toList());
        mark(actions, "handed", sendId, null);
        return actions.size();
    }

    /** A step's customers as one send now, in the caller's transaction (a large group needs no gathering). */
    void sendNow(JourneyDefinition.Step step, long journeyId, int version, List<Long> customers) {
        var app = app(step);
        if (app == null) {
            throw new IllegalStateException("no WeCom app connected");
        }
        // a send takes at most Outreach.MAX_BATCH customers; an admission chunk may hold more
        for (int from = 0; from < customers.size(); from += Outreach.MAX_BATCH) {
            send(
                    step,
                    app,
                    journeyId,
                    version,
                    customers.subList(from, Math.min(customers.size(), from + Outreach.MAX_BATCH)));
        }
    }

    private @Nullable Long app(JourneyDefinition.Step step) {
        return step.appId() != null ? step.appId() : outreach.defaultApp().orElse(null);
    }

    /**
     * A group message or moments step's send for the day, in the caller's transaction: made by the first customer
     * to reach the step that day, shared by the rest. Answers why it cannot be made, or null.
     */
    @Nullable
    String share(JourneyDefinition.Step step, long journeyId, int version, LocalDate day) {
        var app = app(step);
        if (app == null) {
            return "no WeCom app connected";
        }
        var name = name(step, journeyId);
        var ref = ref(step, journeyId, version);
        var occasion = ref + ":" + day;
        if (step.type().equals("moment")) {
            outreach.post(
                    new MomentTasks.Input(
                            app,
                            name,
                            step.text("text"),
                            step.longs("materialIds"),
                            step.texts("staff"),
                            List.copyOf(step.ints("tagIds")),
                            null),
                    ref,
                    occasion);
        } else {
            var chatIds = step.texts("chatIds");
            outreach.sendToGroups(
                    new MassSendInput(
                            app,
                            name,
                            "group",
                            new MassSendInput.Audience(null, null, null, chatIds),
                            step.texts("staff"),
                            step.text("text"),
                            step.longs("materialIds"),
                            null,
                            null),
                    ref,
                    occasion);
        }
        return null;
    }

    /** What a step's sends are made under: {@code journey:12:v3:hello}. */
    static String ref(JourneyDefinition.Step step, long journeyId, int version) {
        return "journey:" + journeyId + ":v" + version + ":" + step.id();
    }

    private String name(JourneyDefinition.Step step, long journeyId) {
        var name = jdbc.sql("select name from journey where id = ?")
                .param(journeyId)
                .query(String.class)
                .single();
        var full = name + " · " + (step.name().isBlank() ? step.id() : step.name());
        // sends are named in at most 30 characters
        return full.codePointCount(0, full.length()) > 30 ? full.substring(0, full.offsetByCodePoints(0, 30)) : full;
    }

    private long send(JourneyDefinition.Step step, long app, long journeyId, int version, List<Long> customers) {
        return outreach.send(
                app,
                name(step, journeyId),
                ref(step, journeyId, version),
                customers,
                step.text("text"),
                step.longs("materialIds"),
                step.text("priority").isEmpty() ? "normal" : step.text("priority"));
    }

    private void mark(List<Action> actions, String status, @Nullable Long sendId, @Nullable String error) {
        jdbc.sql("""
                        update journey_action a set status = ?, mass_send_id = ?, error = ?, updated_at = now()
                        from unnest(?::bigint[], ?::int[]) as x(r, s) where a.run_id = x.r and a.seq = x.s""")
                .params(
                        status,
                        sendId,
                        error,
                        actions.stream().map(Action::runId).toArray(Long[]::new),
                        actions.stream().map(Action::seq).toArray(Integer[]::new))
                .update();
    }
}
