package io.siyu.segment;

import io.siyu.access.TenantManagement;
import io.siyu.shared.BackgroundWork;
import io.siyu.shared.Tenancy;
import io.siyu.shared.TenantId;
import io.siyu.tagging.TagManagement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.roaringbitmap.RoaringBitmap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the members of every saved segment current. One worker re-evaluates a tenant's segments as soon as
 * its index has taken a change (and when its day rolls over), and records each difference in one
 * transaction: the change and the new size, the rule tag's assignments, and {@link SegmentMembershipChanged}
 * events through the publication registry. Segments whose rule runs SQL are evaluated at most once per
 * {@link #SQL_INTERVAL}.
 */
@Component
class MembershipTracker extends BackgroundWork {

    static final Duration SQL_INTERVAL = Duration.ofMinutes(1);
    /** Changes recorded after a snapshot before the snapshot is written again. */
    static final int COMPACT_AFTER = 50;

    private static final Logger log = LoggerFactory.getLogger(MembershipTracker.class);

    /** A segment as the worker keeps it; {@code members} is replaced, never changed, so readers may share it. */
    static final class Tracked {
        final SavedSegment segment;
        final Rule rule;
        volatile RoaringBitmap members;
        boolean usesSql;
        boolean evaluated;
        Instant lastSql = Instant.EPOCH;
        int changes;

        Tracked(SavedSegment segment, Rule rule, RoaringBitmap members, boolean evaluated, int changes) {
            this.segment = segment;
            this.rule = rule;
            this.members = members;
            this.usesSql = segment.usesSql();
            this.evaluated = evaluated;
            this.changes = changes;
        }
    }

    private final SegmentEngine engine;
    private final Segments segments;
    private final TagManagement tags;
    private final TenantManagement tenants;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Set<TenantId> dirty = ConcurrentHashMap.newKeySet();
    private final Set<TenantId> stale = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<TenantId, Map<Long, Tracked>> tracked = new ConcurrentHashMap<>();
    private final Map<TenantId, LocalDate> days = new HashMap<>();
    private final Map<TenantId, java.time.ZoneId> zones = new HashMap<>();

    MembershipTracker(
            SegmentEngine engine,
            Segments segments,
            TagManagement tags,
            TenantManagement tenants,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            Clock clock) {
        super("segment-membership", Duration.ofMillis(50));
        this.engine = engine;
        this.segments = segments;
        this.tags = tags;
        this.tenants = tenants;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
        engine.onChange(this::changed);
    }

    /** The tenant's index took a change: its segments are evaluated again. */
    void changed(TenantId tenant) {
        if (tracked.containsKey(tenant)) {
            dirty.add(tenant);
            wake();
        }
    }

    /** The tenant's saved segments changed: they are read again and evaluated. */
    void reload(TenantId tenant) {
        stale.add(tenant);
        wake();
    }

    /** The members of a saved segment as last evaluated, or null when the worker does not track it (yet). */
    @Nullable
    RoaringBitmap members(TenantId tenant, long segment) {
        var found = tracked.getOrDefault(tenant, Map.of()).get(segment);
        return found == null || !found.evaluated ? null : found.members;
    }

    @EventListener(ApplicationReadyEvent.class)
    void trackEveryTenant() {
        tenants.ids().forEach(this::reload);
    }

    // ---- the worker

    private void wake() {
        worker().wake();
    }

    @Override
    protected void round() {
        var due = new HashSet<TenantId>(stale);
        due.addAll(dirty);
        due.addAll(tracked.keySet());
        for (var tenant : due) {
            try {
                Tenancy.runAs(tenant, () -> pass(tenant));
            } catch (RuntimeException e) {
                log.warn("saved segments of tenant {} were not evaluated: {}", tenant.value(), e.toString());
                stale.add(tenant);
            }
        }
    }

    private void pass(TenantId tenant) {
        boolean reloaded = stale.remove(tenant);
        if (reloaded) {
            zones.remove(tenant);
            load(tenant);
        }
        var today = LocalDate.now(clock.withZone(zones.computeIfAbsent(tenant, t -> engine.zone())));
        boolean rolled = !today.equals(days.put(tenant, today)) && !reloaded;
        if (!dirty.remove(tenant) && !rolled && !reloaded) {
            return;
        }
        for (var segment : tracked.getOrDefault(tenant, Map.of()).values()) {
            evaluate(tenant, segment, rolled || reloaded);
        }
    }

    private void load(TenantId tenant) {
        var loaded = new HashMap<Long, Tracked>();
        transactions.executeWithoutResult(status -> {
            for (var segment : segments.all()) {
                try {
                    var rule = engine.parse(segment.rule());
                    loaded.put(
                            segment.id(),
                            new Tracked(
                                    segment,
                                    rule,
                                    segments.published(segment.id()),
                                    segment.evaluatedAt() != null,
                                    segments.changesSinceSnapshot(segment.id())));
                } catch (RuntimeException e) {
                    log.warn("saved segment {} has a rule that no longer holds: {}", segment.id(), e.getMessage());
                }
            }
        });
        tracked.put(tenant, loaded);
    }

    private void evaluate(TenantId tenant, Tracked segment, boolean force) {
        var now = clock.instant();
        if (segment.usesSql && !force && segment.lastSql.plus(SQL_INTERVAL).isAfter(now)) {
            return;
        }
        var result = engine.evaluate(segment.rule);
        if (result.usedSql()) {
            segment.lastSql = now;
        }
        var before = segment.members;
        var entered = RoaringBitmap.andNot(result.members(), before);
        var exited = RoaringBitmap.andNot(before, result.members());
        boolean first = !segment.evaluated;
        if (entered.isEmpty() && exited.isEmpty() && !first && !force && segment.usesSql == result.usedSql()) {
            return;
        }
        transactions.executeWithoutResult(status -> {
            long id = segment.segment.id();
            segments.recordChange(
                    id, entered, exited, result.members().getLongCardinality(), result.usedSql(), result.today());
            var tag = segment.segment.tagId();
            if (tag != null) {
                tags.keep(tag, ids(entered), ids(exited));
            }
            publish(tenant, id, entered, exited, first, now);
            if (segment.changes + 1 >= COMPACT_AFTER) {
                segments.compact(id, result.members());
            }
        });
        segment.changes = segment.changes + 1 >= COMPACT_AFTER ? 0 : segment.changes + 1;
        segment.members = result.members();
        segment.usesSql = result.usedSql();
        segment.evaluated = true;
    }

    private void publish(
            TenantId tenant, long segment, RoaringBitmap entered, RoaringBitmap exited, boolean first, Instant at) {
        var in = ids(entered);
        var out = ids(exited);
        int max = SegmentMembershipChanged.MAX_IDS;
        for (int from = 0; from < Math.max(in.size(), out.size()); from += max) {
            events.publishEvent(new SegmentMembershipChanged(
                    tenant.value(),
                    segment,
                    in.subList(Math.min(from, in.size()), Math.min(from + max, in.size())),
                    out.subList(Math.min(from, out.size()), Math.min(from + max, out.size())),
                    at,
                    first));
        }
    }

    private static List<Long> ids(RoaringBitmap bitmap) {
        var ids = new ArrayList<Long>(bitmap.getCardinality());
        bitmap.forEach((int id) -> ids.add((long) id));
        return ids;
    }

    // ---- lifecycle

}
