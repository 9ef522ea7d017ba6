package io.siyu.segment;

import io.siyu.access.TenantManagement;
import io.siyu.customer.CustomerAttributes;
import io.siyu.shared.DomainException;
import io.siyu.shared.Tenancy;
import io.siyu.shared.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.roaringbitmap.RoaringBitmap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Answers segment rules from the tenant's bitmap index, built from PostgreSQL on first use and kept current
 * from the changes other modules report after they commit; the nodes the index cannot answer run as SQL
 * ({@link RuleSql}) under a time budget.
 */
@Service
public class SegmentEngine {

    /** The longest a rule's SQL part may run before the rule is refused as too costly. */
    static final int SQL_BUDGET_SECONDS = 10;

    private static final Logger log = LoggerFactory.getLogger(SegmentEngine.class);

    private final ConcurrentHashMap<TenantId, Holder> holders = new ConcurrentHashMap<>();
    private final List<Consumer<TenantId>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final IndexLoader loader;
    private final TenantManagement tenants;
    private final CustomerAttributes attributes;
    private final RuleDefinitions definitions;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final java.util.concurrent.ExecutorService upkeep = java.util.concurrent.Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("segment-upkeep").daemon().factory());

    SegmentEngine(
            IndexLoader loader,
            TenantManagement tenants,
            CustomerAttributes attributes,
            RuleDefinitions definitions,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            Clock clock) {
        this.loader = loader;
        this.tenants = tenants;
        this.attributes = attributes;
        this.definitions = definitions;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * What a rule selects right now.
     *
     * @param sample how many member ids to return (the lowest numbers), for a preview
     */
    public record Evaluation(long count, long total, List<Long> sample, boolean usedSql, long micros) {}

    public Evaluation evaluate(JsonNode json, int sample) {
        long started = System.nanoTime();
        var tenant = Tenancy.required();
        var rule = parse(json);
        var index = holder(tenant, fields()).ready.join();
        var fallbacks = new IdentityHashMap<Rule, RoaringBitmap>();
        var members = members(rule, index, LocalDate.now(clock.withZone(index.zone)), fallbacks);
        var ids = new ArrayList<Long>(Math.min(sample, members.getCardinality()));
        var it = members.getIntIterator();
        while (it.hasNext() && ids.size() < sample) {
            ids.add((long) it.next());
        }
        return new Evaluation(
                members.getLongCardinality(),
                index.read(index::size),
                ids,
                !fallbacks.isEmpty(),
                (System.nanoTime() - started) / 1000);
    }

    /**
     * A field the builder offers: its kind and operators, and for fields with few values the values live
     * customers carry now, with counts (most common first, at most {@value #CATALOG_VALUES}).
     *
     * @param label the custom attribute's label, null for standard fields (the caller names those)
     */
    public record FieldInfo(
            String key,
            String kind,
            List<String> ops,
            @Nullable String label,
            List<ValueCount> values) {}

    public record ValueCount(Object value, long count) {}

    static final int CATALOG_VALUES = 200;

    public List<FieldInfo> catalog() {
        var tenant = Tenancy.required();
        var fields = fields();
        var index = holder(tenant, fields).ready.join();
        var labels = new java.util.HashMap<String, String>();
        var options = new java.util.HashMap<String, List<String>>();
        attributes.all().forEach(d -> {
            labels.put("attributes." + d.key(), d.label());
            options.put("attributes." + d.key(), d.options());
        });
        var catalog = new ArrayList<>(fields.values().stream()
                .map(field -> new FieldInfo(
                        field.key(),
                        field.kind().json(),
                        field.kind().ops.stream().map(Rule.Op::json).toList(),
                        labels.get(field.key()),
                        values(field, index, options.getOrDefault(field.key(), List.of()), CATALOG_VALUES)))
                .toList());
        var today = LocalDate.now(clock.withZone(index.zone));
        definitions.current().layers().forEach((layer, levels) -> {
            var counts = new ArrayList<ValueCount>();
            levels.forEach((level, rule) -> counts.add(new ValueCount(
                    level, members(rule, index, today, new IdentityHashMap<>()).getLongCardinality())));
            catalog.add(new FieldInfo(
                    RuleParser.LAYERS + layer, "layer", List.of("eq", "in", "neq", "notIn"), null, counts));
        });
        return catalog;
    }

    private static List<ValueCount> values(Field field, TenantIndex index, List<String> declared, int limit) {
        if (!field.indexed() || field.kind().ops.contains(Rule.Op.GT)) {
            return List.of();
        }
        var counts = new java.util.HashMap<Object, Long>();
        declared.forEach(option -> counts.put(option, 0L));
        index.read(() -> index.valueCounts(field.key())).forEach((value, count) -> {
            var name = field.codes().entrySet().stream()
                    .filter(e -> e.getValue().equals(value))
                    .map(Map.Entry::getKey)
                    .findFirst();
            Object shown = field.kind() == Field.Kind.BOOLEAN ? Long.valueOf(1L).equals(value) : name.orElse(null);
            counts.put(shown != null ? shown : value, count);
        });
        return counts.entrySet().stream()
                .sorted(Map.Entry.<Object, Long>comparingByValue().reversed())
                .limit(limit)
                .map(e -> new ValueCount(e.getKey(), e.getValue()))
                .toList();
    }

    /** Every value live customers carry now in a field the index keeps by value, with counts (most common first). */
    public List<ValueCount> values(String key) {
        var fields = fields();
        var field = fields.get(key);
        if (field == null) {
            return List.of();
        }
        var index = holder(Tenancy.required(), fields).ready.join();
        return values(field, index, List.of(), Integer.MAX_VALUE);
    }

    /** How many live customers carry each tag, from the index. */
    public Map<Integer, Long> tagCounts() {
        var index = holder(Tenancy.required(), fields()).ready.join();
        return index.read(index::tagCounts);
    }

    /** The customers each rule selects now, parsing against the tenant's fields, tags and layers once. */
    public List<RoaringBitmap> membersNow(List<JsonNode> rules) {
        var current = definitions.current();
        var index = holder(Tenancy.required(), current.fields()).ready.join();
        var today = LocalDate.now(clock.withZone(index.zone));
        var members = new ArrayList<RoaringBitmap>(rules.size());
        // a node the index cannot answer (a staff filter's event with a property) is often in every rule: once
        var fallbacks = new java.util.HashMap<Rule, RoaringBitmap>();
        for (var json : rules) {
            var parser = current.parser();
            var rule = parser.parse(json);
            if (rule == null) {
                throw new DomainException(HttpStatus.BAD_REQUEST, "segment.rule.invalid", parser.problems());
            }
            members.add(members(rule, index, today, fallbacks));
        }
        return members;
    }

    /** Heap the bound tenant's index takes, by RoaringBitmap's own accounting. */
    public long indexBytes() {
        var index = holder(Tenancy.required(), fields()).ready.join();
        return index.read(index::sizeInBytes);
    }

    /** How many live customers the bound tenant has. */
    public long total() {
        var index = holder(Tenancy.required(), fields()).ready.join();
        return index.read(index::size);
    }

    /** The members of a rule on a given day (tests check the day rolling over with it). */
    RoaringBitmap members(JsonNode json, LocalDate today) {
        var rule = parse(json);
        var index = holder(Tenancy.required(), fields()).ready.join();
        return members(rule, index, today, new IdentityHashMap<>());
    }

    /**
     * Runs the SQL of every node the index cannot answer first (into {@code fallbacks}), so that the index
     * is locked for reading only while bitmaps are combined.
     */
    private RoaringBitmap members(Rule rule, TenantIndex index, LocalDate today, Map<Rule, RoaringBitmap> fallbacks) {
        var needed = new ArrayList<Rule>();
        collect(rule, needed);
        for (var node : needed) {
            if (!fallbacks.containsKey(node)) {
                fallbacks.put(node, sql(node, index.zone, today));
            }
        }
        return index.read(() -> index.evaluate(rule, today, fallbacks::get));
    }

    Rule parse(@Nullable JsonNode json) {
        return definitions.parse(json);
    }

    /** The standard fields and the tenant's custom attributes, by the key rules use. */
    Map<String, Field> fields() {
        return definitions.current().fields();
    }

    private static void collect(Rule rule, List<Rule> needed) {
        switch (rule) {
            case Rule.All all -> all.rules().forEach(r -> collect(r, needed));
            case Rule.Any any -> any.rules().forEach(r -> collect(r, needed));
            case Rule.Not not -> collect(not.rule(), needed);
            default -> {
                if (TenantIndex.needsSql(rule)) {
                    needed.add(rule);
                }
            }
        }
    }

    private RoaringBitmap sql(Rule rule, ZoneId zone, LocalDate today) {
        var compiled = new RuleSql(zone, today);
        var query = compiled.ids(rule);
        var members = new RoaringBitmap();
        try {
            transactions.executeWithoutResult(status -> {
                jdbc.sql("select set_config('statement_timeout', ?, true)")
                        .param(SQL_BUDGET_SECONDS * 1000 + "")
                        .query(String.class)
                        .single();
                jdbc.sql(query).params(compiled.params()).query(rs -> {
                    members.add(rs.getInt(1));
                });
            });
        } catch (QueryTimeoutException e) {
            throw new DomainException(HttpStatus.UNPROCESSABLE_CONTENT, "segment.rule.too-costly", SQL_BUDGET_SECONDS);
        }
        return members;
    }

    // ---- the index of each tenant and its upkeep

    private static final class Holder {
        final CompletableFuture<TenantIndex> ready = new CompletableFuture<>();
        final List<Consumer<TenantIndex>> pending = new ArrayList<>();
        final List<String> signature;
        volatile @Nullable TenantIndex index;

        Holder(List<String> signature) {
            this.signature = signature;
        }
    }

    private static List<String> signature(Map<String, Field> fields) {
        return fields.values().stream().map(f -> f.key() + ":" + f.kind()).toList();
    }

    /** The tenant's index, built on first use and again when its custom attributes change. */
    private Holder holder(TenantId tenant, Map<String, Field> fields) {
        var signature = signature(fields);
        var created = new Holder[1];
        var holder = holders.compute(tenant, (t, existing) -> {
            if (existing != null && existing.signature.equals(signature)) {
                return existing;
            }
            created[0] = new Holder(signature);
            return created[0];
        });
        if (created[0] != null) {
            build(tenant, created[0], fields);
        }
        try {
            holder.ready.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        return holder;
    }

    private void build(TenantId tenant, Holder holder, Map<String, Field> fields) {
        try {
            long started = System.nanoTime();
            var zone = ZoneId.of(Tenancy.callAs(tenant, () -> tenants.current().timeZone()));
            var index = new TenantIndex(zone);
            Tenancy.runAs(tenant, () -> transactions.executeWithoutResult(status -> loader.loadAll(index, fields)));
            synchronized (holder) {
                holder.pending.forEach(change -> index.write(() -> {
                    change.accept(index);
                    return null;
                }));
                holder.pending.clear();
                holder.index = index;
            }
            holder.ready.complete(index);
            changed(tenant);
            log.info(
                    "segment index of tenant {} built in {} ms: {} customers, {} MiB",
                    tenant.value(),
                    (System.nanoTime() - started) / 1_000_000,
                    index.read(index::size),
                    index.read(index::sizeInBytes) >> 20);
        } catch (RuntimeException e) {
            holders.remove(tenant, holder);
            holder.ready.completeExceptionally(e);
            throw e;
        }
    }

    /**
     * Builds the bound tenant's index again from the database, for data written around the index (bulk
     * loads); questions wait for it, and changes committed meanwhile are applied to it once it is built.
     */
    public void rebuild() {
        var tenant = Tenancy.required();
        var fields = fields();
        var fresh = new Holder(signature(fields));
        holders.put(tenant, fresh);
        build(tenant, fresh, fields);
    }

    /** Builds the index of every tenant now (at start), instead of on each tenant's first question. */
    void buildAll() {
        for (var tenant : tenants.ids()) {
            Tenancy.runAs(tenant, () -> holder(tenant, fields()));
        }
    }

    /** Called with the tenant after each change has reached its index (on the thread that applied it). */
    void onChange(Consumer<TenantId> listener) {
        listeners.add(listener);
    }

    private void changed(TenantId tenant) {
        for (var listener : listeners) {
            listener.accept(tenant);
        }
    }

    /** What a rule selects now, for the bound tenant; the index is built first if need be. */
    record Members(RoaringBitmap members, boolean usedSql, LocalDate today) {}

    Members evaluate(Rule rule) {
        var index = holder(Tenancy.required(), fields()).ready.join();
        var today = LocalDate.now(clock.withZone(index.zone));
        var fallbacks = new IdentityHashMap<Rule, RoaringBitmap>();
        return new Members(members(rule, index, today, fallbacks), !fallbacks.isEmpty(), today);
    }

    /** The bound tenant's time zone, in which its days are counted. */
    ZoneId zone() {
        return holder(Tenancy.required(), fields()).ready.join().zone;
    }

    private void change(TenantId tenant, Consumer<TenantIndex> change) {
        var holder = holders.get(tenant);
        if (holder == null) {
            return; // not built yet: the build will read the change from the database
        }
        synchronized (holder) {
            if (holder.index == null) {
                holder.pending.add(change);
                return;
            }
        }
        var index = holder.index;
        change.accept(index);
        changed(tenant);
    }

    /** Events that have just committed (home profile numbers, type codes, times). */
    void eventsAdded(TenantId tenant, long[] customers, int[] types, Instant[] times) {
        change(
                tenant,
                index -> index.write(() -> {
                    for (int i = 0; i < customers.length; i++) {
                        index.event((int) customers[i], types[i], times[i]);
                    }
                    return null;
                }));
    }

    /** Tags that customers have just gained or lost. */
    void tagsChanged(TenantId tenant, Map<Integer, long[]> added, Map<Integer, long[]> removed) {
        change(
                tenant,
                index -> index.write(() -> {
                    added.forEach((tag, ids) -> {
                        for (long id : ids) {
                            index.tag((int) id, tag);
                        }
                    });
                    removed.forEach((tag, ids) -> {
                        for (long id : ids) {
                            index.untag((int) id, tag);
                        }
                    });
                    return null;
                }));
    }

    /** Profiles that have just changed (attributes, tags, totals; with {@code merged}, also who they belong to). */
    void customersChanged(TenantId tenant, Collection<Long> ids, boolean merged) {
        if (ids.isEmpty()) {
            return;
        }
        // Read on the upkeep thread, in a transaction of its own: the caller is still finishing the one that
        // committed, and a read joined to it would no longer be bound to the tenant.
        change(
                tenant,
                index -> upkeep.execute(() -> {
                    try {
                        Tenancy.runAs(
                                tenant,
                                () -> transactions.executeWithoutResult(
                                        status -> loader.reload(index, fields(), ids, merged)));
                        changed(tenant);
                    } catch (RuntimeException e) {
                        log.warn(
                                "the segment index of tenant {} missed a change of {} customers: {}",
                                tenant.value(),
                                ids.size(),
                                e.getMessage());
                    }
                }));
    }
}
