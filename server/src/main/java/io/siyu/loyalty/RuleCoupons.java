package io.siyu.loyalty;

import io.siyu.event.EventCatalog;
import io.siyu.event.EventObserver;
import io.siyu.event.StoredEvent;
import io.siyu.shared.TenantId;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hears events in the transaction that stores them and issues what the active coupon rules say: per rule and
 * event one coupon of the rule's template to the member, unless they already have {@code perCustomer} of the
 * rule's or the rule has issued {@code totalLimit}. The rule's row is locked while it issues, so concurrent events
 * cannot pass its total together; a grant row per rule and event id, whatever it issued, makes a resent event
 * issue nothing. Only members receive; an inactive template issues nothing, and never fails the store.
 */
@Component
class RuleCoupons implements EventObserver {

    private final JdbcClient jdbc;
    private final CouponRules rules;
    private final EventCatalog catalog;
    private final Members members;
    private final Coupons coupons;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    RuleCoupons(
            JdbcClient jdbc, CouponRules rules, EventCatalog catalog, Members members, Coupons coupons, Clock clock) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.catalog = catalog;
        this.members = members;
        this.coupons = coupons;
        this.clock = clock;
    }

    @Override
    public void eventsStoring(TenantId tenant, List<StoredEvent> events) {
        List<CouponRule> active = null;
        var byCode = new HashMap<Integer, List<CouponRule>>();
        var candidates = new ArrayList<StoredEvent>();
        for (var event : events) {
            if (active == null) {
                active = rules.active();
                var byName = catalog.byName();
                for (var rule : active) {
                    var type = byName.get(rule.eventType());
                    if (type != null) {
                        byCode.computeIfAbsent(type.code(), k -> new ArrayList<>())
                                .add(rule);
                    }
                }
            }
            if (byCode.containsKey(event.type())) {
                candidates.add(event);
            }
        }
        if (candidates.isEmpty()) {
            return;
        }
        // rules in one order, so that two batches locking the same rules wait instead of deadlocking
        var issuing = new java.util.TreeMap<Long, List<StoredEvent>>();
        var byId = new HashMap<Long, CouponRule>();
        var properties = new HashMap<StoredEvent, JsonNode>();
        candidates.sort(Comparator.comparingLong(StoredEvent::customerId));
        for (var event : candidates) {
            for (var rule : byCode.get(event.type())) {
                var filter = rule.filter();
                if (filter == null || filter.passes(properties.computeIfAbsent(event, this::properties))) {
                    issuing.computeIfAbsent(rule.id(), k -> new ArrayList<>()).add(event);
                    byId.put(rule.id(), rule);
                }
            }
        }
        issuing.forEach((id, matched) -> issue(byId.get(id), matched));
    }

    private JsonNode properties(StoredEvent event) {
        return event.properties() == null ? json.createObjectNode() : json.readTree(event.properties());
    }

    private void issue(CouponRule rule, List<StoredEvent> events) {
        var held = jdbc.sql("select id from coupon_rule where id = ? for update")
                .param(rule.id())
                .query(Long.class)
                .optional();
        if (held.isEmpty()) {
            return;
        }
        var memberIds = members.membersAmong(
                events.stream().map(StoredEvent::customerId).toList());
        boolean active = jdbc.sql("select exists (select 1 from coupon_template where code = ? and active)")
                .param(rule.templateCode())
                .query(Boolean.class)
                .single();
        for (var event : events) {
            if (memberIds.contains(event.customerId())) {
                issue(rule, event, active);
            }
        }
    }

    private void issue(CouponRule rule, StoredEvent event, boolean active) {
        long customer = event.customerId();
        var counts = jdbc.sql("""
                        select count(*) filter (where customer_id = ?), count(*)
                        from coupon_rule_grant where rule_id = ? and issued""")
                .params(customer, rule.id())
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        var total = rule.totalLimit();
        boolean allowed = active && counts[0] < rule.perCustomer() && (total == null || counts[1] < total);
        int recorded = jdbc.sql("""
                        insert into coupon_rule_grant (rule_id, event_id, customer_id, issued, at)
                        values (?, ?, ?, false, ?) on conflict do nothing""")
                .params(rule.id(), event.eventId(), customer, Timestamp.from(clock.instant()))
                .update();
        if (recorded == 0 || !allowed) {
            return;
        }
        Map<Long, String> key = Map.of(customer, "rule:" + rule.id() + ":" + event.eventId());
        if (coupons.grant(rule.templateCode(), key, "rule").issued() > 0) {
            jdbc.sql("update coupon_rule_grant set issued = true where rule_id = ? and event_id = ?")
                    .params(rule.id(), event.eventId())
                    .update();
        }
    }
}
