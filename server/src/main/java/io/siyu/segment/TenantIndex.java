package io.siyu.segment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.roaringbitmap.FastAggregation;
import org.roaringbitmap.RoaringBitmap;

/**
 * One tenant's customers as compressed bitmaps over their dense numbers: a bitmap per value of each
 * categorical field, bit slices for numbers and dates, a bitmap per tag, and a bitmap per event type and
 * day (in the tenant's time zone). Only live profiles are indexed; a merged-away profile's tags and events
 * count for its survivor. Reads share a lock, writes take it alone.
 */
final class TenantIndex {

    static final long DATE_BASE = -250_000; // epoch day of the year 1285: older dates are not plausible
    static final long NUMBER_BASE = -(1L << 40);
    /** Events of every type by day, kept beside each type's: "any event in the last 7 days" is 7 bitmaps, not 7 per type. */
    static final int ANY_TYPE = -1;

    final ZoneId zone;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final RoaringBitmap roots = new RoaringBitmap();
    private final Map<String, Map<Object, RoaringBitmap>> categories = new HashMap<>();
    private final Map<String, BitSlicedIndex> numbers = new HashMap<>();
    private final Map<Integer, RoaringBitmap> tags = new HashMap<>();
    private final Map<Integer, TreeMap<Integer, RoaringBitmap>> events = new HashMap<>();
    /**
     * Unions of a type's day bitmaps over a window, kept once asked for and updated with every event that
     * falls in them: "favorited in the last 30 days" is then one bitmap instead of 30. Keys are absolute days,
     * so a window moves on with the date by itself (yesterday's keys are simply no longer asked for).
     */
    private final Map<Window, RoaringBitmap> windows = new java.util.concurrent.ConcurrentHashMap<>();

    static final int MAX_WINDOWS = 64;

    private record Window(int type, int first, int last) {}

    private final Map<Integer, Integer> survivorOf = new HashMap<>();

    TenantIndex(ZoneId zone) {
        this.zone = zone;
    }

    /** One profile's indexed values: {@link Long}, {@link String} or a list of strings (multi-values). */
    record Row(int id, int survivor, Map<String, Object> values) {}

    // ---- writes (the caller holds the write lock through write())

    <T> T write(java.util.function.Supplier<T> work) {
        lock.writeLock().lock();
        try {
            return work.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    <T> T read(java.util.function.Supplier<T> work) {
        lock.readLock().lock();
        try {
            return work.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Puts a profile (replacing what was indexed of it before); merged-away profiles only map to their root. */
    void put(Row row, Map<String, Field> fields) {
        clearValues(row.id());
        if (row.survivor() != 0) {
            survivorOf.put(row.id(), row.survivor());
            return;
        }
        survivorOf.remove(row.id());
        roots.add(row.id());
        row.values().forEach((key, value) -> {
            var field = fields.get(key);
            if (field == null || !field.indexed()) {
                return;
            }
            switch (field.kind()) {
                case NUMBER, MONEY ->
                    numbers.computeIfAbsent(key, k -> new BitSlicedIndex(NUMBER_BASE))
                            .set(row.id(), (Long) value);
                case DATE ->
                    numbers.computeIfAbsent(key, k -> new BitSlicedIndex(DATE_BASE))
                            .set(row.id(), Math.max(DATE_BASE, (Long) value));
                case MULTI -> {
                    for (var option : (List<?>) value) {
                        bitmap(key, option).add(row.id());
                    }
                }
                default -> bitmap(key, value).add(row.id());
            }
        });
    }

    private RoaringBitmap bitmap(String key, Object value) {
        return categories.computeIfAbsent(key, k -> new HashMap<>()).computeIfAbsent(value, v -> new RoaringBitmap());
    }

    private void clearValues(int id) {
        if (!roots.checkedRemove(id)) {
            return;
        }
        categories.values().forEach(values -> values.values().forEach(b -> b.remove(id)));
        numbers.values().forEach(n -> n.remove(id));
    }

    /** Forgets the tags of these profiles (before they are read again). */
    void clearTags(Collection<Integer> ids) {
        var drop =
                RoaringBitmap.bitmapOf(ids.stream().mapToInt(Integer::intValue).toArray());
        tags.values().forEach(b -> b.andNot(drop));
    }

    /** Forgets the events of these profiles (before they are read again, after a merge or its undo). */
    void clearEvents(Collection<Integer> ids) {
        var drop =
                RoaringBitmap.bitmapOf(ids.stream().mapToInt(Integer::intValue).toArray());
        events.values().forEach(days -> days.values().forEach(b -> b.andNot(drop)));
        windows.clear();
    }

    void tag(int customer, int tag) {
        tags.computeIfAbsent(tag, t -> new RoaringBitmap()).add(root(customer));
    }

    void untag(int customer, int tag) {
        var bitmap = tags.get(tag);
        if (bitmap != null) {
            bitmap.remove(root(customer));
        }
    }

    void event(int customer, int type, int epochDay) {
        int root = root(customer);
        events.computeIfAbsent(type, t -> new TreeMap<>())
                .computeIfAbsent(epochDay, d -> new RoaringBitmap())
                .add(root);
        events.computeIfAbsent(ANY_TYPE, t -> new TreeMap<>())
                .computeIfAbsent(epochDay, d -> new RoaringBitmap())
                .add(root);
        windows.forEach((window, union) -> {
            if ((window.type() == type || window.type() == ANY_TYPE)
                    && window.first() <= epochDay
                    && epochDay <= window.last()) {
                union.add(root);
            }
        });
    }

    void event(int customer, int type, Instant at) {
        event(customer, type, (int) LocalDate.ofInstant(at, zone).toEpochDay());
    }

    private int root(int customer) {
        return survivorOf.getOrDefault(customer, customer);
    }

    // ---- reads (the caller holds the read lock through read())

    int size() {
        return roots.getCardinality();
    }

    /**
     * The members of {@code rule} as of {@code today}; {@code fallback} answers the nodes the bitmaps cannot
     * (it runs SQL).
     */
    RoaringBitmap evaluate(Rule rule, LocalDate today, Function<Rule, RoaringBitmap> fallback) {
        return switch (rule) {
            case Rule.All all -> {
                RoaringBitmap result = null;
                for (var child : cheapFirst(all.rules())) {
                    // A condition after others only looks at the customers still in: an event window,
                    // or each bit slice of a number, is intersected with them.
                    var members = result == null || needsSql(child)
                            ? evaluate(child, today, fallback)
                            : switch (child) {
                                case Rule.Event event -> event(event, today, result);
                                case Rule.Attribute attribute -> attribute(attribute, today, result);
                                case Rule.Tags tagRule -> tags(tagRule, result);
                                // "and not X": what is in minus X, never the complement of X over everyone
                                case Rule.Not not ->
                                    RoaringBitmap.andNot(result, evaluate(not.rule(), today, fallback));
                                default -> evaluate(child, today, fallback);
                            };
                    result = result == null ? members : RoaringBitmap.and(result, members);
                    if (result.isEmpty()) {
                        break;
                    }
                }
                yield result == null ? new RoaringBitmap() : result;
            }
            case Rule.Any any ->
                FastAggregation.or(any.rules().stream()
                        .map(child -> evaluate(child, today, fallback))
                        .toArray(RoaringBitmap[]::new));
            case Rule.Not not -> RoaringBitmap.andNot(roots, evaluate(not.rule(), today, fallback));
            case Rule.Attribute attribute when needsSql(rule) -> fallback.apply(rule);
            case Rule.Attribute attribute -> attribute(attribute, today, null);
            case Rule.Tags tagRule -> tags(tagRule, null);
            case Rule.Event event when needsSql(rule) -> fallback.apply(rule);
            case Rule.Event event -> event(event, today, null);
        };
    }

    /** Whether a (non-group) node is answered by SQL: fields the index does not keep, event counts and the like. */
    static boolean needsSql(Rule rule) {
        return switch (rule) {
            case Rule.Attribute attribute -> !attribute.field().indexed();
            case Rule.Event event -> !event.simple();
            default -> false;
        };
    }

    private RoaringBitmap attribute(
            Rule.Attribute rule, LocalDate today, @org.jspecify.annotations.Nullable RoaringBitmap within) {
        var field = rule.field();
        var values = rule.values().stream()
                .map(v -> v instanceof Rule.DateValue date ? date.resolve(today).toEpochDay() : v)
                .toList();
        return switch (field.kind()) {
            case NUMBER, MONEY, DATE -> number(rule.op(), numbers.get(field.key()), values, within);
            case MULTI -> multi(rule.op(), categories.getOrDefault(field.key(), Map.of()), values);
            default -> category(rule.op(), categories.getOrDefault(field.key(), Map.of()), values);
        };
    }

    private RoaringBitmap category(Rule.Op op, Map<Object, RoaringBitmap> byValue, List<Object> values) {
        var in = FastAggregation.or(values.stream()
                .map(v -> byValue.getOrDefault(v, new RoaringBitmap()))
                .toArray(RoaringBitmap[]::new));
        return switch (op) {
            case EQ, IN -> in;
            case NEQ, NOT_IN -> RoaringBitmap.andNot(anyValue(byValue), in);
            case IS_SET -> anyValue(byValue);
            case IS_NOT_SET -> RoaringBitmap.andNot(roots, anyValue(byValue));
            default -> throw new IllegalArgumentException(op.name());
        };
    }

    private RoaringBitmap multi(Rule.Op op, Map<Object, RoaringBitmap> byValue, List<Object> values) {
        var chosen = values.stream()
                .map(v -> byValue.getOrDefault(v, new RoaringBitmap()))
                .toArray(RoaringBitmap[]::new);
        return switch (op) {
            case IN -> FastAggregation.or(chosen);
            case ALL -> FastAggregation.and(chosen);
            case NOT_IN -> RoaringBitmap.andNot(anyValue(byValue), FastAggregation.or(chosen));
            case IS_SET -> anyValue(byValue);
            case IS_NOT_SET -> RoaringBitmap.andNot(roots, anyValue(byValue));
            default -> throw new IllegalArgumentException(op.name());
        };
    }

    /** The customers with any value of a categorical field: only the operators that need it pay for it. */
    private static RoaringBitmap anyValue(Map<Object, RoaringBitmap> byValue) {
        return FastAggregation.or(byValue.values().iterator());
    }

    /** @param within when given, the result may leave out customers outside it (the caller intersects) */
    private RoaringBitmap number(
            Rule.Op op,
            BitSlicedIndex index,
            List<Object> values,
            @org.jspecify.annotations.Nullable RoaringBitmap within) {
        if (index == null) {
            return op == Rule.Op.IS_NOT_SET ? roots.clone() : new RoaringBitmap();
        }
        long value = values.isEmpty() ? 0 : (Long) values.getFirst();
        return switch (op) {
            case EQ -> index.eq(value, within);
            case NEQ -> RoaringBitmap.andNot(index.present(within), index.eq(value, within));
            case GT -> value == Long.MAX_VALUE ? new RoaringBitmap() : index.atLeast(value + 1, within);
            case GTE -> index.atLeast(value, within);
            case LT -> value == Long.MIN_VALUE ? new RoaringBitmap() : index.atMost(value - 1, within);
            case LTE -> index.atMost(value, within);
            case BETWEEN -> index.between(value, (Long) values.get(1), within);
            case IS_SET -> index.present(within);
            case IS_NOT_SET -> RoaringBitmap.andNot(roots, index.present(within));
            default -> throw new IllegalArgumentException(op.name());
        };
    }

    /** @param within when given, only these customers (all live) are looked at */
    private RoaringBitmap tags(Rule.Tags rule, @org.jspecify.annotations.Nullable RoaringBitmap within) {
        var chosen = rule.tagIds().stream()
                .map(id -> tags.getOrDefault(id, new RoaringBitmap()))
                .toArray(RoaringBitmap[]::new);
        var all = within == null ? roots : within;
        return switch (rule.mode()) {
            case ANY -> RoaringBitmap.and(FastAggregation.or(chosen), all);
            case ALL -> RoaringBitmap.and(FastAggregation.and(chosen), all);
            case NONE -> RoaringBitmap.andNot(all, FastAggregation.or(chosen));
        };
    }

    /**
     * Tag and categorical conditions first (a bitmap each), then events (one window union each), then number
     * ranges (a few operations per bit slice, on the customers still in), groups last: an AND is cheapest
     * when what it narrows is small, and a range's work grows with the customers it starts from.
     */
    private static List<Rule> cheapFirst(List<Rule> rules) {
        return rules.stream()
                .sorted(java.util.Comparator.comparingInt(TenantIndex::cost))
                .toList();
    }

    private static int cost(Rule rule) {
        return switch (rule) {
            case Rule.Tags tags -> tags.mode() == Rule.TagMode.NONE ? 2 : 0;
            case Rule.Attribute attribute ->
                switch (attribute.field().kind()) {
                    case NUMBER, MONEY, DATE -> 3;
                    default -> 1;
                };
            case Rule.Event event -> 2;
            default -> 4;
        };
    }

    /** @param within when given, only these customers (all live) are looked at */
    private RoaringBitmap event(
            Rule.Event rule, LocalDate today, @org.jspecify.annotations.Nullable RoaringBitmap within) {
        int first = (int) Math.max(Integer.MIN_VALUE, rule.window().first(today).toEpochDay());
        int last = (int) Math.min(Integer.MAX_VALUE, rule.window().last(today).toEpochDay());
        var all = within == null ? roots : within;
        var did = first <= last
                ? RoaringBitmap.and(window(rule.type() == null ? ANY_TYPE : rule.type(), first, last), all)
                : new RoaringBitmap();
        return rule.did() ? did : RoaringBitmap.andNot(all, did);
    }

    /**
     * The customers with an event of {@code type} on a day of the window (never handed out: callers combine
     * it into a new bitmap). Built under the read lock by whichever reader asks first; an event, which comes
     * under the write lock, updates it.
     */
    private RoaringBitmap window(int type, int first, int last) {
        var key = new Window(type, first, last);
        var cached = windows.get(key);
        if (cached != null) {
            return cached;
        }
        if (windows.size() >= MAX_WINDOWS) {
            windows.clear(); // mostly windows of days gone by; the ones still asked for come back at once
        }
        return windows.computeIfAbsent(key, k -> {
            var days = events.getOrDefault(type, new TreeMap<>())
                    .subMap(first, true, last, true)
                    .values();
            var union = FastAggregation.or(days.iterator());
            return days.size() == 1 ? union.clone() : union;
        });
    }

    /** How many live customers carry each value of a categorical or multi-value field. */
    Map<Object, Long> valueCounts(String key) {
        var counts = new HashMap<Object, Long>();
        categories.getOrDefault(key, Map.of()).forEach((value, bitmap) -> {
            long count = bitmap.getLongCardinality();
            if (count > 0) {
                counts.put(value, count);
            }
        });
        return counts;
    }

    /** How many live customers carry each tag. */
    Map<Integer, Long> tagCounts() {
        var counts = new HashMap<Integer, Long>();
        tags.forEach((tag, bitmap) -> counts.put(tag, (long) RoaringBitmap.andCardinality(bitmap, roots)));
        return counts;
    }

    /** Heap taken by the bitmaps (an estimate, from RoaringBitmap's own accounting). */
    long sizeInBytes() {
        long bytes = roots.getLongSizeInBytes();
        for (var values : categories.values()) {
            for (var bitmap : values.values()) {
                bytes += bitmap.getLongSizeInBytes();
            }
        }
        bytes +=
                numbers.values().stream().mapToLong(BitSlicedIndex::sizeInBytes).sum();
        bytes += tags.values().stream()
                .mapToLong(RoaringBitmap::getLongSizeInBytes)
                .sum();
        for (var byDay : events.values()) {
            bytes += byDay.values().stream()
                    .mapToLong(RoaringBitmap::getLongSizeInBytes)
                    .sum();
        }
        return bytes;
    }

    void optimize() {
        roots.runOptimize();
        categories.values().forEach(values -> values.values().forEach(RoaringBitmap::runOptimize));
        tags.values().forEach(RoaringBitmap::runOptimize);
        events.values().forEach(days -> days.values().forEach(RoaringBitmap::runOptimize));
    }
}
