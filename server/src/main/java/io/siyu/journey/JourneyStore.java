package io.siyu.journey;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.siyu.event.EventCatalog;
import io.siyu.shared.AfterCommit;
import io.siyu.shared.Tenancy;
import io.siyu.shared.TenantId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Published definitions (immutable, so cached by version) and, per tenant, what the active journeys listen
 * for: which segments, tags and event types let customers in, end runs or count as conversions, and which
 * event types runs may be waiting for. Rebuilt after any publish or status change commits.
 */
@Component
class JourneyStore {

    record Version(long journeyId, int version, JourneyDefinition definition) {}

    /**
     * What the listeners need, by what they hear about: triggers of the active journeys' current versions,
     * goals and exit rules of every version runs may still be on. Event types are codes.
     */
    record Listening(
            List<Version> active,
            Map<Long, List<Version>> segmentEnter,
            Map<Long, List<Version>> segmentExit,
            Map<Integer, List<Version>> tagAdded,
            Map<Integer, List<Version>> tagRemoved,
            Map<Integer, List<Version>> eventTrigger,
            Map<Integer, List<Version>> goals,
            Map<Integer, List<Version>> exitEvents,
            Map<Long, List<Version>> exitSegments,
            Set<Integer> waitEvents) {

        boolean hearsEvent(int type) {
            return eventTrigger.containsKey(type)
                    || goals.containsKey(type)
                    || exitEvents.containsKey(type)
                    || waitEvents.contains(type);
        }
    }

    private record Key(TenantId tenant, long journeyId, int version) {}

    private final JdbcClient jdbc;
    private final EventCatalog catalog;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Cache<Key, JourneyDefinition> versions =
            Caffeine.newBuilder().maximumSize(2_000).build();
    private final ConcurrentHashMap<TenantId, Listening> listening = new ConcurrentHashMap<>();

    JourneyStore(JdbcClient jdbc, EventCatalog catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    @Transactional(readOnly = true)
    JourneyDefinition version(long journeyId, int version) {
        return versions.get(
                new Key(Tenancy.required(), journeyId, version),
                k -> jdbc.sql("select definition::text from journey_version where journey_id = ? and version = ?")
                        .params(journeyId, version)
                        .query(String.class)
                        .optional()
                        .map(this::read)
                        .orElseThrow(
                                () -> new IllegalStateException("no version " + version + " of journey " + journeyId)));
    }

    JourneyDefinition read(String definition) {
        return JourneyDefinition.read(json.readTree(definition), new ArrayList<>());
    }

    /** The event type code of a name in the catalog, or -1. */
    int eventCode(@Nullable String name) {
        if (name == null) {
            return -1;
        }
        var type = catalog.byName().get(name);
        return type == null ? -1 : type.code();
    }

    /** In a transaction of its own when called outside one: the tenant is bound per transaction. */
    @Transactional(readOnly = true)
    Listening listening() {
        return listening.computeIfAbsent(Tenancy.required(), t -> load());
    }

    /** A journey was published or changed status: listen anew once that commits. */
    void changed() {
        var tenant = Tenancy.required();
        AfterCommit.collect(this, () -> tenant, t -> {}, listening::remove);
    }

    private Listening load() {
        var active = new ArrayList<Version>();
        var waitEvents = new HashSet<Integer>();
        var all = jdbc.sql("""
                        select j.id, v.version, j.status, j.version = v.version from journey j
                        join journey_version v on v.journey_id = j.id
                        where j.status in ('active', 'paused')""")
                .query((rs, n) -> {
                    var version = new Version(rs.getLong(1), rs.getInt(2), version(rs.getLong(1), rs.getInt(2)));
                    version.definition().steps().values().stream()
                            .filter(s -> s.type().equals("wait_event"))
                            .forEach(s -> waitEvents.add(eventCode(s.text("eventType"))));
                    if (rs.getString(3).equals("active") && rs.getBoolean(4)) {
                        active.add(version);
                    }
                    return version;
                })
                .list();
        var segmentEnter = new HashMap<Long, List<Version>>();
        var segmentExit = new HashMap<Long, List<Version>>();
        var tagAdded = new HashMap<Integer, List<Version>>();
        var tagRemoved = new HashMap<Integer, List<Version>>();
        var eventTrigger = new HashMap<Integer, List<Version>>();
        var goals = new HashMap<Integer, List<Version>>();
        var exitEvents = new HashMap<Integer, List<Version>>();
        var exitSegments = new HashMap<Long, List<Version>>();
        for (var v : active) {
            var t = v.definition().trigger();
            switch (t.type()) {
                case "segment_enter" -> add(segmentEnter, t.segmentId(), v);
                case "segment_exit" -> add(segmentExit, t.segmentId(), v);
                case "tag_added" -> add(tagAdded, t.tagId(), v);
                case "tag_removed" -> add(tagRemoved, t.tagId(), v);
                case "event" -> add(eventTrigger, eventCode(t.eventType()), v);
                default -> {}
            }
        }
        // runs finish on the version they entered, goals and exit rules included
        for (var v : all) {
            var d = v.definition();
            if (d.goal() != null) {
                add(goals, eventCode(d.goal().eventType()), v);
            }
            add(exitEvents, eventCode(d.exit().eventType()), v);
            add(exitSegments, d.exit().segmentId(), v);
        }
        return new Listening(
                active,
                segmentEnter,
                segmentExit,
                tagAdded,
                tagRemoved,
                eventTrigger,
                goals,
                exitEvents,
                exitSegments,
                waitEvents);
    }

    private static <K> void add(Map<K, List<Version>> map, @Nullable K key, Version version) {
        if (key != null && !Integer.valueOf(-1).equals(key)) {
            map.computeIfAbsent(key, k -> new ArrayList<>()).add(version);
        }
    }
}
