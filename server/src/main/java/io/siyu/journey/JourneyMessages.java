package io.siyu.journey;

import io.siyu.messaging.Outreach;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands message steps' customers to the messaging module, a step's waiting customers at a time (up to
 * {@link Outreach#MAX_BATCH}): one mass send per batch, made in the transaction that marks the batch's actions
 * handed, so each customer is handed over once; the sending rules, WeCom calls and tracking are messaging's.
 */
@Component
class JourneyMessages {

    private record Pending(long journeyId, int version, String step) {}

    private record Action(long runId, int seq, long customerId) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JourneyStore store;
    private final Outreach outreach;
    private final Clock clock;

    JourneyMessages(
            JdbcClient jdbc, TransactionTemplate transactions, JourneyStore store, Outreach outreach, Clock clock) {
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
                        group by journey_id, version, step limit 20""")
                .param(java.sql.Timestamp.from(clock.instant()))
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
        var app = step == null
                ? null
                : step.appId() != null ? step.appId() : outreach.defaultApp().orElse(null);
        if (step == null || app == null) {
            mark(actions, "failed", null, step == null ? "step removed" : "no WeCom app connected");
            return actions.size();
        }
        var name = jdbc.sql("select name from journey where id = ?")
                .param(p.journeyId())
                .query(String.class)
                .single();
        long sendId = outreach.send(
                app,
                name + " · " + (step.name().isBlank() ? step.id() : step.name()),
                "journey:" + p.journeyId() + ":v" + p.version() + ":" + p.step(),
                actions.stream().map(Action::customerId).distinct().toList(),
                step.text("text"),
                step.longs("materialIds"));
        mark(actions, "handed", sendId, null);
        return actions.size();
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
