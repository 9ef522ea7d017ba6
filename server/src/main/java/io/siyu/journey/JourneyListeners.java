package io.siyu.journey;

import io.siyu.event.EventObserver;
import io.siyu.event.StoredEvent;
import io.siyu.segment.SegmentMembershipChanged;
import io.siyu.shared.AfterCommit;
import io.siyu.shared.TenantId;
import io.siyu.tagging.TagObserver;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Hears what journeys react to — segment changes, stored events, tag changes — inside the transaction that
 * records it, and writes what follows in the same transaction: entries for triggers, conversions, exits, and
 * the end of waits for an event. So a trigger is acted on once, even if the server dies right after.
 */
@Component
class JourneyListeners implements EventObserver, TagObserver {

    private final JdbcClient jdbc;
    private final JourneyStore store;
    /** Looked up when needed: the runner's steps tag customers, and tagging tells these listeners. */
    private final ObjectProvider<JourneyRunner> runner;

    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    JourneyListeners(JdbcClient jdbc, JourneyStore store, ObjectProvider<JourneyRunner> runner, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.runner = runner;
        this.clock = clock;
    }

    /** In the segment tracker's transaction (a plain listener runs in the publisher's). */
    @EventListener
    void segmentChanged(SegmentMembershipChanged change) {
        if (change.first()) {
            return; // a new segment's first members did not just enter it
        }
        var listening = store.listening();
        var key = "segment:" + change.segmentId() + ":" + change.at().toEpochMilli();
        if (!change.entered().isEmpty()) {
            listening
                    .segmentEnter()
                    .getOrDefault(change.segmentId(), List.of())
                    .forEach(v -> enter(v.journeyId(), change.entered(), key));
            listening
                    .exitSegments()
                    .getOrDefault(change.segmentId(), List.of())
                    .forEach(v -> exit(v, change.entered(), "segment"));
        }
        if (!change.exited().isEmpty()) {
            listening
                    .segmentExit()
                    .getOrDefault(change.segmentId(), List.of())
                    .forEach(v -> enter(v.journeyId(), change.exited(), key));
        }
    }

    @Override
    public void tagsChanging(TenantId tenant, Map<Integer, long[]> added, Map<Integer, long[]> removed) {
        var listening = store.listening();
        var key = "tag:" + clock.instant().toEpochMilli();
        added.forEach((tag, ids) ->
                listening.tagAdded().getOrDefault(tag, List.of()).forEach(v -> enter(v.journeyId(), boxed(ids), key)));
        removed.forEach((tag, ids) -> listening
                .tagRemoved()
                .getOrDefault(tag, List.of())
                .forEach(v -> enter(v.journeyId(), boxed(ids), key)));
    }

    @Override
    public void eventsStoring(TenantId tenant, List<StoredEvent> events) {
        var listening = store.listening();
        var heard = events.stream().filter(e -> listening.hearsEvent(e.type())).toList();
        if (heard.isEmpty()) {
            return;
        }
        var properties = new HashMap<StoredEvent, JsonNode>();
        java.util.function.Function<StoredEvent, JsonNode> propertiesOf = e -> properties.computeIfAbsent(
                e, x -> x.properties() == null ? JsonNodeFactory.instance.objectNode() : json.readTree(x.properties()));
        for (var event : heard) {
            var customer = List.of(event.customerId());
            for (var v : listening.eventTrigger().getOrDefault(event.type(), List.of())) {
                if (JourneyDefinition.Where.all(v.definition().trigger().where(), propertiesOf.apply(event))) {
                    enter(
                            v.journeyId(),
                            customer,
                            "event:" + event.type() + ":" + event.occurredAt().toEpochMilli());
                }
            }
            for (var v : listening.goals().getOrDefault(event.type(), List.of())) {
                var goal = v.definition().goal();
                if (goal != null && JourneyDefinition.Where.all(goal.where(), propertiesOf.apply(event))) {
                    convert(v, event.customerId(), event.occurredAt(), goal);
                }
            }
            listening.exitEvents().getOrDefault(event.type(), List.of()).forEach(v -> exit(v, customer, "event"));
        }
        var waiting = heard.stream()
                .filter(e -> listening.waitEvents().contains(e.type()))
                .toList();
        if (!waiting.isEmpty()) {
            endWaits(waiting, propertiesOf);
        }
    }

    private void enter(long journeyId, Collection<Long> customers, String key) {
        jdbc.sql("""
                        insert into journey_entry (journey_id, customer_id, key)
                        select ?, unnest(?::bigint[]), ? on conflict do nothing""").params(journeyId, customers.toArray(Long[]::new), key).update();
        wakeRunner();
    }

    private void exit(JourneyStore.Version v, Collection<Long> customers, String reason) {
        jdbc.sql("""
                        update journey_run set state = 'exited', ended_at = ?, due_at = null, exit_reason = ?
                        where journey_id = ? and version = ? and customer_id = any(?::bigint[]) and ended_at is null""")
                .params(
                        Timestamp.from(clock.instant()),
                        reason,
                        v.journeyId(),
                        v.version(),
                        customers.toArray(Long[]::new))
                .update();
    }

    private void convert(JourneyStore.Version v, long customer, Instant at, JourneyDefinition.Goal goal) {
        var from = Timestamp.from(at.minus(Duration.ofDays(goal.windowDays())));
        var now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        update journey_run set converted_at = ?,
                            state = case when ? and ended_at is null then 'exited' else state end,
                            exit_reason = case when ? and ended_at is null then 'goal' else exit_reason end,
                            due_at = case when ? and ended_at is null then null else due_at end,
                            ended_at = case when ? and ended_at is null then ? else ended_at end
                        where journey_id = ? and version = ? and customer_id = ? and converted_at is null
                          and entered_at between ? and ?""")
                .params(
                        Timestamp.from(at),
                        goal.exitOnGoal(),
                        goal.exitOnGoal(),
                        goal.exitOnGoal(),
                        goal.exitOnGoal(),
                        now,
                        v.journeyId(),
                        v.version(),
                        customer,
                        from,
                        Timestamp.from(at))
                .update();
    }

    /** Runs waiting for one of these events (with matching properties) go on at once, down the "it happened" path. */
    private void endWaits(List<StoredEvent> events, java.util.function.Function<StoredEvent, JsonNode> propertiesOf) {
        var byCustomer = new HashMap<Long, List<StoredEvent>>();
        events.forEach(e -> byCustomer
                .computeIfAbsent(e.customerId(), c -> new ArrayList<>())
                .add(e));
        var types =
                events.stream().mapToInt(StoredEvent::type).distinct().boxed().toArray(Integer[]::new);
        var ended = new ArrayList<Long>();
        jdbc.sql("""
                        select id, journey_id, version, step, customer_id, wait_event from journey_run
                        where state = 'waiting' and wait_event = any(?::int[]) and customer_id = any(?::bigint[])""").params(types, byCustomer.keySet().toArray(Long[]::new)).query(rs -> {
            var step = store.version(rs.getLong(2), rs.getInt(3)).steps().get(rs.getString(4));
            int type = rs.getInt(6);
            if (step != null
                    && byCustomer.getOrDefault(rs.getLong(5), List.of()).stream()
                            .anyMatch(e -> e.type() == type
                                    && JourneyDefinition.Where.all(step.where(), propertiesOf.apply(e)))) {
                ended.add(rs.getLong(1));
            }
        });
        if (!ended.isEmpty()) {
            jdbc.sql("update journey_run set wait_outcome = 'event', due_at = ? where id = any(?::bigint[])")
                    .params(Timestamp.from(clock.instant()), ended.toArray(Long[]::new))
                    .update();
            wakeRunner();
        }
    }

    private void wakeRunner() {
        var current = runner.getObject();
        AfterCommit.collect(current, () -> current, r -> {}, JourneyRunner::wake);
    }

    private static List<Long> boxed(long[] ids) {
        return Arrays.stream(ids).boxed().toList();
    }
}
