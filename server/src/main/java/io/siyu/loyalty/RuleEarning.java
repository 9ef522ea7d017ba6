package io.siyu.loyalty;

import io.siyu.event.EventCatalog;
import io.siyu.event.EventObserver;
import io.siyu.event.StoredEvent;
import io.siyu.shared.TenantId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hears events in the transaction that stores them and grants what the active earning rules say: per rule and
 * event {@code floor(points × tier multiplier × campaign multiplier)}, cut to what is left of the rule's daily and
 * total caps for the member (a grant cut to nothing is still recorded, so the event never earns later). Each grant
 * happens under the member's row lock, so concurrent events cannot pass a cap together, and once per rule and event
 * id, so a resent event earns nothing. Only members earn; growth comes with points that were granted.
 */
@Component
class RuleEarning implements EventObserver {

    private final JdbcClient jdbc;
    private final EarningRules rules;
    private final EventCatalog catalog;
    private final Programs programs;
    private final Members members;
    private final Points points;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    RuleEarning(
            JdbcClient jdbc,
            EarningRules rules,
            EventCatalog catalog,
            Programs programs,
            Members members,
            Points points,
            Clock clock) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.catalog = catalog;
        this.programs = programs;
        this.members = members;
        this.points = points;
        this.clock = clock;
    }

    @Override
    public void eventsStoring(TenantId tenant, List<StoredEvent> events) {
        var byType = catalog.byName();
        var notEarning = EarningRules.NOT_EARNING.stream()
                .map(byType::get)
                .filter(java.util.Objects::nonNull)
                .map(io.siyu.event.EventTypeDefinition::code)
                .toList();
        var candidates = new ArrayList<StoredEvent>();
        for (var event : events) {
            if (!notEarning.contains(event.type())) {
                candidates.add(event);
            }
        }
        if (candidates.isEmpty()) {
            return;
        }
        var byCode = new HashMap<Integer, List<EarningRule>>();
        for (var rule : rules.active()) {
            var type = byType.get(rule.eventType());
            if (type != null) {
                byCode.computeIfAbsent(type.code(), k -> new ArrayList<>()).add(rule);
            }
        }
        if (byCode.isEmpty()) {
            return;
        }
        // members in one order, so that two batches locking the same members wait instead of deadlocking
        candidates.sort(Comparator.comparingLong(StoredEvent::customerId));
        var batch = new Batch();
        for (var event : candidates) {
            var matching = byCode.get(event.type());
            if (matching == null) {
                continue;
            }
            for (var rule : matching) {
                var filter = rule.filter();
                if (filter == null || filter.passes(batch.properties(event))) {
                    earn(batch, rule, event);
                }
            }
        }
    }

    private void earn(Batch batch, EarningRule rule, StoredEvent event) {
        long customer = event.customerId();
        if (!members.isMember(customer)) {
            return;
        }
        points.lock(customer);
        boolean earned = jdbc.sql("select exists (select 1 from earning_rule_grant where rule_id = ? and event_id = ?)")
                .params(rule.id(), event.eventId())
                .query(Boolean.class)
                .single();
        if (earned) {
            return;
        }
        var program = batch.program();
        int tier = jdbc.sql("select tier from member where customer_id = ?")
                .param(customer)
                .query(Integer.class)
                .single();
        long asked = BigDecimal.valueOf(rule.points())
                .multiply(program.tier(tier).multiplier())
                .multiply(rule.multiplierAt(event.occurredAt()))
                .setScale(0, RoundingMode.FLOOR)
                .longValueExact();
        var day = LocalDate.ofInstant(event.occurredAt(), batch.zone());
        long granted = Math.min(asked, left(rule, customer, day));
        jdbc.sql("""
                        insert into earning_rule_grant (rule_id, event_id, customer_id, day, asked, points, at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        rule.id(),
                        event.eventId(),
                        customer,
                        Date.valueOf(day),
                        asked,
                        granted,
                        java.sql.Timestamp.from(clock.instant()))
                .update();
        if (granted <= 0) {
            return;
        }
        var key = "rule:" + rule.id() + ":" + event.eventId();
        points.grant(
                customer,
                granted,
                key,
                "earn",
                new Points.Context("rule", event.eventId(), rule.name(), null, null),
                programs.expiryOf(program, clock.instant()));
        if (rule.growth() > 0) {
            members.addGrowth(customer, rule.growth(), null, key, "rule", event.eventId());
        }
    }

    /** What the member may still earn from the rule on that day: the smaller of the daily and the total cap's rest. */
    private long left(EarningRule rule, long customer, LocalDate day) {
        var sums = jdbc.sql("""
                        select coalesce(sum(points) filter (where day = ?), 0), coalesce(sum(points), 0)
                        from earning_rule_grant where rule_id = ? and customer_id = ?""")
                .params(Date.valueOf(day), rule.id(), customer)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        long left = rule.dailyCap() - sums[0];
        var total = rule.totalCap();
        if (total != null) {
            left = Math.min(left, total - sums[1]);
        }
        return Math.max(0, left);
    }

    /** What one call looks up at most once: the program, the tenant's zone, each event's properties. */
    private final class Batch {

        private final Map<StoredEvent, JsonNode> properties = new HashMap<>();
        private @Nullable Program program;
        private @Nullable ZoneId zone;

        Program program() {
            if (program == null) {
                program = programs.get();
            }
            return program;
        }

        ZoneId zone() {
            if (zone == null) {
                zone = programs.zone();
            }
            return zone;
        }

        JsonNode properties(StoredEvent event) {
            return properties.computeIfAbsent(
                    event, e -> e.properties() == null ? json.createObjectNode() : json.readTree(e.properties()));
        }
    }
}
