package io.siyu.analytics;

import io.siyu.commerce.OrderAdjusted;
import io.siyu.commerce.OrderPaid;
import io.siyu.commerce.OrdersLoaded;
import io.siyu.shared.AfterCommit;
import io.siyu.shared.Tenancy;
import io.siyu.shared.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.jspecify.annotations.Nullable;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every paid order in memory, per tenant and day of payment (in the tenant's zone): the profile, the net amount in
 * cents, and whether the entry is the order itself or a later refund or payment. Revenue and the trend buckets
 * read the period's days instead of aggregating the period's orders in SQL (0.6–1 s a month at 10M customers).
 *
 * <p>Loaded on first use from one snapshot of the orders, then kept current by {@link OrderPaid} and
 * {@link OrderAdjusted} after their transactions commit. A change whose transaction the snapshot already saw is
 * skipped (its transaction id is checked against the snapshot), so nothing counts twice; a bulk load of orders
 * drops the tenant's ledger, to be loaded again. Like the segment index, it lives in this instance's memory and
 * hears this instance's changes (docs/scaling.md).
 */
@Component
class OrderLedger {

    static final byte ORDER = 1;
    static final byte ADJUSTMENT = 0;

    /** A change of one order: an entry on the day the order was paid. */
    private record Change(long xid, long customer, Instant paidAt, long cents, byte kind) {}

    /** The transactions a snapshot saw as committed: below xmin, or below xmax and not in progress then. */
    private record Snapshot(long xmin, long xmax, Set<Long> inProgress) {

        static Snapshot parse(String text) {
            var parts = text.split(":");
            var running = new HashSet<Long>();
            if (parts.length > 2 && !parts[2].isEmpty()) {
                Arrays.stream(parts[2].split(",")).map(Long::parseLong).forEach(running::add);
            }
            return new Snapshot(Long.parseLong(parts[0]), Long.parseLong(parts[1]), running);
        }

        boolean saw(long xid) {
            return xid < xmin || (xid < xmax && !inProgress.contains(xid));
        }
    }

    /** One day's entries, appended to. */
    static final class Day {
        int size;
        int[] customers = new int[16];
        long[] cents = new long[16];
        byte[] kinds = new byte[16];

        void add(int customer, long amount, byte kind) {
            if (size == customers.length) {
                int grown = size * 2;
                customers = Arrays.copyOf(customers, grown);
                cents = Arrays.copyOf(cents, grown);
                kinds = Arrays.copyOf(kinds, grown);
            }
            customers[size] = customer;
            cents[size] = amount;
            kinds[size] = kind;
            size++;
        }
    }

    /** A tenant's ledger: days by epoch day in its zone; changes heard while it loads wait in {@code early}. */
    static final class Book {
        final ZoneId zone;
        final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        final TreeMap<Long, Day> days = new TreeMap<>();

        @Nullable
        Snapshot snapshot;

        final List<Change> early = new ArrayList<>();
        /** Done once the snapshot is in; those asking meanwhile wait on it, other tenants' books do not. */
        final CompletableFuture<Void> loaded = new CompletableFuture<>();

        Book(ZoneId zone) {
            this.zone = zone;
        }

        void add(Change change) {
            long day = LocalDate.ofInstant(change.paidAt(), zone).toEpochDay();
            days.computeIfAbsent(day, d -> new Day()).add((int) change.customer(), change.cents(), change.kind());
        }
    }

    /** What a period's days hold for the customers asked about. */
    record Totals(RoaringBitmap buyers, RoaringBitmap repeat, long orders, long cents) {

        BigDecimal amount() {
            return BigDecimal.valueOf(cents, 2);
        }
    }

    private final Map<Long, Book> books = new ConcurrentHashMap<>();
    /** The owner of bulk loads' after-commit buffers (changes have their own: this). */
    private final Object bulkLoads = new Object();

    private final JdbcClient jdbc;
    private final TransactionTemplate snapshotReads;

    OrderLedger(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.snapshotReads = new TransactionTemplate(transactions);
        this.snapshotReads.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.snapshotReads.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshotReads.setReadOnly(true);
    }

    @EventListener
    void paid(OrderPaid paid) {
        heard(paid.tenantId(), paid.customerId(), paid.paidAt(), paid.amount(), ORDER);
    }

    @EventListener
    void adjusted(OrderAdjusted adjusted) {
        heard(adjusted.tenantId(), adjusted.customerId(), adjusted.paidAt(), adjusted.amount(), ADJUSTMENT);
    }

    @EventListener
    void loaded(OrdersLoaded loaded) {
        AfterCommit.collect(bulkLoads, () -> loaded, x -> {}, x -> books.remove(loaded.tenantId()));
    }

    /** A transaction's changes, with its id (asked once per transaction). */
    private record Pending(long xid, List<Change> changes) {}

    /**
     * In the changing transaction: notes its id, and hands the change on once it has committed. Noted even when the
     * tenant has no ledger yet: one may begin loading before this transaction commits, and its snapshot then misses
     * the change.
     */
    private void heard(long tenant, long customer, Instant paidAt, BigDecimal amount, byte kind) {
        long cents = amount.movePointRight(2).longValueExact();
        AfterCommit.collect(
                this,
                () -> new Pending(
                        jdbc.sql("select txid_current()").query(Long.class).single(), new ArrayList<>()),
                pending -> pending.changes().add(new Change(pending.xid(), customer, paidAt, cents, kind)),
                pending -> apply(tenant, pending.changes()));
    }

    private void apply(long tenant, List<Change> changes) {
        var book = books.get(tenant);
        if (book == null) {
            return; // nothing loaded: a later load reads the change from the table
        }
        book.lock.writeLock().lock();
        try {
            if (book.snapshot == null) {
                book.early.addAll(changes);
                return;
            }
            for (var change : changes) {
                if (!book.snapshot.saw(change.xid())) {
                    book.add(change);
                }
            }
        } finally {
            book.lock.writeLock().unlock();
        }
    }

    /**
     * The bound tenant's book in this zone, loaded first if need be. The asker who puts a fresh book in loads it;
     * others asking for that tenant wait for the load, while other tenants load at the same time.
     */
    private Book book(ZoneId zone) {
        long tenant = Tenancy.required().value();
        var created = new Book[1];
        // changes from the moment the book is in are noted, and wait until the load is in
        var book = books.compute(tenant, (t, existing) -> {
            if (existing != null && existing.zone.equals(zone)) {
                return existing;
            }
            created[0] = new Book(zone);
            return created[0];
        });
        if (created[0] != null) {
            try {
                load(new TenantId(tenant), book);
                book.loaded.complete(null);
            } catch (RuntimeException e) {
                books.remove(tenant, book);
                book.loaded.completeExceptionally(e);
                throw e;
            }
        }
        try {
            book.loaded.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        return book;
    }

    private void load(TenantId tenant, Book book) {
        var loaded = new ArrayList<Change>();
        var snapshot = Tenancy.callAs(
                tenant,
                () -> snapshotReads.execute(s -> {
                    var seen = Snapshot.parse(jdbc.sql("select pg_current_snapshot()::text")
                            .query(String.class)
                            .single());
                    jdbc.sql("""
                            select customer_id, paid_at, paid_amount - refunded_amount from customer_order
                            where paid_at is not null""").query(rs -> {
                        loaded.add(new Change(
                                0,
                                rs.getLong(1),
                                rs.getTimestamp(2).toInstant(),
                                rs.getBigDecimal(3).movePointRight(2).longValueExact(),
                                ORDER));
                    });
                    return seen;
                }));
        book.lock.writeLock().lock();
        try {
            loaded.forEach(book::add);
            book.snapshot = snapshot;
            for (var change : book.early) {
                if (!snapshot.saw(change.xid())) {
                    book.add(change);
                }
            }
            book.early.clear();
        } finally {
            book.lock.writeLock().unlock();
        }
    }

    /** One entry of a day, as its live customer. */
    @FunctionalInterface
    interface Entries {
        void entry(int customer, long cents, byte kind);
    }

    /**
     * The days from..to (in the zone), for the customers in {@code only} (all when null), each profile counted as
     * the live customer {@code survivors} maps it to.
     */
    Totals totals(
            LocalDate from, LocalDate to, ZoneId zone, @Nullable RoaringBitmap only, Map<Integer, Integer> survivors) {
        var buyers = new RoaringBitmap();
        var repeat = new RoaringBitmap();
        long[] sums = new long[2]; // orders, cents
        each(from, to, zone, only, survivors, (customer, cents, kind) -> {
            sums[1] += cents;
            if (kind == ORDER) {
                sums[0]++;
                if (!buyers.checkedAdd(customer)) {
                    repeat.add(customer);
                }
            }
        });
        return new Totals(buyers, repeat, sums[0], sums[1]);
    }

    /** Each customer's net cents over the days from..to, and who of them paid an order then. */
    record PerCustomer(RoaringBitmap buyers, Map<Integer, Long> cents) {}

    /** As {@link #totals}, summed per live customer. */
    PerCustomer perCustomer(
            LocalDate from, LocalDate to, ZoneId zone, @Nullable RoaringBitmap only, Map<Integer, Integer> survivors) {
        var buyers = new RoaringBitmap();
        var cents = new HashMap<Integer, Long>();
        each(from, to, zone, only, survivors, (customer, amount, kind) -> {
            cents.merge(customer, amount, Long::sum);
            if (kind == ORDER) {
                buyers.add(customer);
            }
        });
        return new PerCustomer(buyers, cents);
    }

    private void each(
            LocalDate from,
            LocalDate to,
            ZoneId zone,
            @Nullable RoaringBitmap only,
            Map<Integer, Integer> survivors,
            Entries entries) {
        var book = book(zone);
        book.lock.readLock().lock();
        try {
            for (var day : book.days
                    .subMap(from.toEpochDay(), true, to.toEpochDay(), true)
                    .values()) {
                for (int i = 0; i < day.size; i++) {
                    int customer = day.customers[i];
                    if (!survivors.isEmpty()) {
                        customer = survivors.getOrDefault(customer, customer);
                    }
                    if (only == null || only.contains(customer)) {
                        entries.entry(customer, day.cents[i], day.kinds[i]);
                    }
                }
            }
        } finally {
            book.lock.readLock().unlock();
        }
    }
}
