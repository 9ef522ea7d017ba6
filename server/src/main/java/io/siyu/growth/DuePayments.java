package io.siyu.growth;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Money owed to customers (refunds, red packets, withdrawals), kept as rows of one table and paid after the
 * transaction that made them committed, each exactly once: the provider is first asked whether the row's key was
 * already paid (a crash may have come between its answer and our record of it), and only then asked to pay; the
 * row is marked paid in the transaction that took it. A payment that fails is tried again later, backing off from
 * a minute to an hour, with its error kept for the operator. Rows are taken {@code for update skip locked}, so that
 * instances share the work.
 *
 * @param <T> a row due for payment
 */
abstract class DuePayments<T> {

    private static final Logger log = LoggerFactory.getLogger(DuePayments.class);
    static final int BATCH = 50;
    static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    static final Duration LAST_RETRY = Duration.ofHours(1);

    protected final JdbcClient jdbc;
    protected final Clock clock;
    private final TransactionTemplate transactions;
    private final String table;

    /** @param table the rows' table: it has {@code id}, {@code attempts}, {@code due_at} and {@code last_error} */
    DuePayments(JdbcClient jdbc, TransactionTemplate transactions, Clock clock, String table) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.table = table;
    }

    /** Up to {@code limit} rows due by {@code now}, oldest first, locked {@code for update skip locked}. */
    protected abstract List<T> due(Timestamp now, int limit);

    protected abstract long id(T row);

    protected abstract int attempts(T row);

    /** Asks the provider whether the row's key was paid, and pays it if not. */
    protected abstract void pay(T row);

    /** Records the payment, in the transaction that took the row. */
    protected abstract void paid(T row);

    /** Pays what is due now; answers how many were paid. */
    int round() {
        int paid = 0;
        int taken;
        do {
            var counts = Objects.requireNonNull(transactions.execute(s -> batch()));
            paid += counts[0];
            taken = counts[1];
        } while (taken == BATCH);
        return paid;
    }

    private int[] batch() {
        var due = due(Timestamp.from(clock.instant()), BATCH);
        int paid = 0;
        for (var row : due) {
            try {
                pay(row);
                paid(row);
                paid++;
            } catch (RuntimeException e) {
                var wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempts(row), 6));
                jdbc.sql("update " + table + " set attempts = attempts + 1, due_at = ?, last_error = ? where id = ?")
                        .params(
                                Timestamp.from(
                                        clock.instant().plus(wait.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : wait)),
                                String.valueOf(e.getMessage()),
                                id(row))
                        .update();
                log.warn("{} {} not paid, tried again later: {}", table, id(row), e.getMessage());
            }
        }
        return new int[] {paid, due.size()};
    }
}
