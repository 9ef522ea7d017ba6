package io.siyu.messaging;

import io.siyu.customer.ConsentChannel;
import io.siyu.customer.CustomerDirectory;
import io.siyu.wecom.WeComDirectory;
import io.siyu.wecom.WeComRelations;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a due send into recipients and WeCom tasks, in one transaction: each audience member is reached
 * through the staff member they added last (of the chosen staff), unless they opted out of WeCom messages,
 * are no one's contact, would pass the caps or WeCom's quota, or already have this send. A receipt per
 * customer and send (unique) is what keeps a send from reaching anyone twice; a crash while planning rolls
 * the whole plan back, and it is made again. Group sends are planned by {@link GroupSends}.
 */
@Component
class MassSendPlanner {

    /** WeCom takes at most 10,000 customers in one add_msg_template. */
    static final int PART = 10_000;

    static final int CHUNK = 5_000;

    /** What a send would do now. */
    public record Preview(long audience, Map<String, Long> held, List<StaffCount> staff, long reachable) {}

    public record StaffCount(String userId, String name, long customers) {}

    private record Decision(long customer, String status, String userId, String externalUserId) {}

    private final JdbcClient jdbc;
    private final Audiences audiences;
    private final GroupSends groups;
    private final WeComRelations relations;
    private final WeComDirectory directory;
    private final CustomerDirectory customers;
    private final SendingRules rules;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    MassSendPlanner(
            JdbcClient jdbc,
            Audiences audiences,
            GroupSends groups,
            WeComRelations relations,
            WeComDirectory directory,
            CustomerDirectory customers,
            SendingRules rules,
            Clock clock) {
        this.jdbc = jdbc;
        this.audiences = audiences;
        this.groups = groups;
        this.relations = relations;
        this.directory = directory;
        this.customers = customers;
        this.rules = rules;
        this.clock = clock;
    }

    Preview preview(long appId, JsonNode audience, List<String> staff, String priority, String content) {
        var settings = rules.settings();
        var now = clock.instant();
        var held = new LinkedHashMap<String, Long>();
        var perStaff = new HashMap<String, Long>();
        var members = audiences.members(audience);
        decide(
                appId,
                members,
                staff,
                settings,
                now,
                new Source("", priority, content),
                decisions -> decisions.forEach(d -> {
                    if (d.status().equals("planned")) {
                        perStaff.merge(d.userId(), 1L, Long::sum);
                    } else {
                        held.merge(d.status(), 1L, Long::sum);
                    }
                }));
        var names = new HashMap<String, String>();
        directory.staff(appId).forEach(s -> names.put(s.userId(), s.name()));
        var counts = perStaff.entrySet().stream()
                .map(e -> new StaffCount(e.getKey(), names.getOrDefault(e.getKey(), e.getKey()), e.getValue()))
                .sorted((a, b) -> Long.compare(b.customers(), a.customers()))
                .toList();
        return new Preview(
                members.getLongCardinality(),
                held,
                counts,
                perStaff.values().stream().mapToLong(Long::longValue).sum());
    }

    /** Plans a due send; answers whether it was planned (false: held to the end of the quiet hours). */
    boolean plan(long sendId) {
        var send = jdbc.sql("select app_id, audience::text, staff, send_at, chat_type, priority, text, material_ids"
                        + " from mass_send where id = ? and status = 'scheduled' for update")
                .param(sendId)
                .query((rs, n) -> new Object[] {
                    rs.getLong(1),
                    rs.getString(2),
                    Arrays.asList((String[]) rs.getArray(3).getArray()),
                    rs.getTimestamp(4).toInstant(),
                    rs.getString(5),
                    rs.getString(6),
                    SendingRules.digest(rs.getString(7), Arrays.asList((Long[])
                            rs.getArray(8).getArray()))
                })
                .optional();
        if (send.isEmpty()) {
            return false;
        }
        var settings = rules.settings();
        var now = clock.instant();
        var allowed = rules.outsideQuietHours(now, settings);
        if (allowed.isAfter(now)) {
            jdbc.sql("update mass_send set send_at = ? where id = ?")
                    .params(Timestamp.from(allowed), sendId)
                    .update();
            return false;
        }
        long appId = (Long) send.get()[0];
        @SuppressWarnings("unchecked")
        var staff = (List<String>) send.get()[2];
        var audience = json.readTree((String) send.get()[1]);
        if ("group".equals(send.get()[4])) {
            int tasks = groups.plan(sendId, appId, audience, staff, settings.massQuota(), now);
            planned(sendId, tasks, now);
            return true;
        }
        var members = audiences.members(audience);
        var parts = new HashMap<String, Integer>();
        var source = new Source("mass:" + sendId, (String) send.get()[5], (String) send.get()[6]);
        decide(appId, members, staff, settings, now, source, decisions -> {
            var ids = new ArrayList<Long>();
            var users = new ArrayList<String>();
            var partOf = new ArrayList<Integer>();
            var externals = new ArrayList<String>();
            var statuses = new ArrayList<String>();
            for (var d : decisions) {
                ids.add(d.customer());
                users.add(d.userId());
                externals.add(d.externalUserId());
                statuses.add(d.status());
                if (d.status().equals("planned")) {
                    int n = parts.merge(d.userId(), 1, Integer::sum) - 1;
                    partOf.add(n / PART);
                } else {
                    partOf.add(null);
                }
            }
            jdbc.sql("""
                            insert into mass_send_recipient (mass_send_id, customer_id, user_id, part, external_user_id,
                                                             status)
                            select ?, c, nullif(u, ''), p, nullif(e, ''), s
                            from unnest(?::bigint[], ?::text[], ?::int[], ?::text[], ?::text[]) as x(c, u, p, e, s)""")
                    .params(
                            sendId,
                            ids.toArray(Long[]::new),
                            users.toArray(String[]::new),
                            partOf.toArray(Integer[]::new),
                            externals.toArray(String[]::new),
                            statuses.toArray(String[]::new))
                    .update();
        });
        int tasks = jdbc.sql("""
                        insert into mass_send_task (mass_send_id, user_id, part)
                        select distinct mass_send_id, user_id, part from mass_send_recipient
                        where mass_send_id = ? and status = 'planned'""").param(sendId).update();
        planned(sendId, tasks, now);
        return true;
    }

    /** A send without a task (nobody reachable) is done at once. */
    private void planned(long sendId, int tasks, Instant now) {
        jdbc.sql("update mass_send set status = ?, planned_at = now(), finished_at = ? where id = ?")
                .params(tasks == 0 ? "sent" : "sending", tasks == 0 ? Timestamp.from(now) : null, sendId)
                .update();
    }

    /** What a message is: its receipts' key (empty: a preview, nothing written), priority and content digest. */
    record Source(String key, String priority, String content) {}

    /**
     * Decides, a chunk of the audience at a time, who is sent to and through whom. With a source key, the
     * receipts of those planned are written (a customer who already has one is a duplicate).
     */
    private void decide(
            long appId,
            org.roaringbitmap.RoaringBitmap members,
            List<String> staff,
            SendingRules.Settings settings,
            Instant now,
            Source source,
            java.util.function.Consumer<List<Decision>> chunkDone) {
        var iterator = members.getIntIterator();
        while (iterator.hasNext()) {
            var chunk = new ArrayList<Long>(CHUNK);
            while (iterator.hasNext() && chunk.size() < CHUNK) {
                chunk.add((long) iterator.next());
            }
            var reach = new HashMap<Long, WeComRelations.Reach>();
            relations.reachable(appId, chunk, staff).forEach(r -> reach.put(r.customerId(), r));
            var optedOut = customers.optedOut(ConsentChannel.WECOM, reach.keySet());
            var holds = rules.holds(reach.keySet(), now, settings, source.priority(), source.content());
            var planned = new ArrayList<Long>();
            for (var id : chunk) {
                if (reach.containsKey(id) && !optedOut.contains(id) && !holds.containsKey(id)) {
                    planned.add(id);
                }
            }
            var fresh = source.key().isEmpty() ? new HashSet<>(planned) : receipts(planned, source, now);
            var decisions = new ArrayList<Decision>(chunk.size());
            for (var id : chunk) {
                var r = reach.get(id);
                String status;
                if (r == null) {
                    status = "no_contact";
                } else if (optedOut.contains(id)) {
                    status = "opted_out";
                } else if (holds.containsKey(id)) {
                    status = switch (holds.get(id)) {
                        case QUOTA -> "quota";
                        case SAME_CONTENT -> "same_content";
                        case FREQUENCY -> "frequency";
                    };
                } else if (!fresh.contains(id)) {
                    status = "duplicate";
                } else {
                    status = "planned";
                }
                decisions.add(
                        new Decision(id, status, r == null ? "" : r.userId(), r == null ? "" : r.externalUserId()));
            }
            chunkDone.accept(decisions);
        }
    }

    /** Writes a receipt for each customer that has none for {@code source}; answers those written. */
    private HashSet<Long> receipts(List<Long> customers, Source source, Instant at) {
        if (customers.isEmpty()) {
            return new HashSet<>();
        }
        return new HashSet<>(jdbc.sql("""
                        insert into message_receipt (customer_id, source, channel, at, priority, content)
                        select unnest(?::bigint[]), ?, ?, ?, ?, ? on conflict do nothing returning customer_id""")
                .params(
                        customers.toArray(Long[]::new),
                        source.key(),
                        SendingRules.WECOM,
                        Timestamp.from(at),
                        SendingRules.rank(source.priority()),
                        source.content())
                .query(Long.class)
                .list());
    }

    /**
     * The customers of tasks that ended without reaching them (refused, cancelled) get {@code status} and lose
     * their receipts: the message never counted against their caps.
     */
    void release(long sendId, String status) {
        groups.release(sendId, status);
        var released = jdbc.sql("""
                        update mass_send_recipient r set status = ?, updated_at = now()
                        from mass_send_task t
                        where r.mass_send_id = ? and t.mass_send_id = r.mass_send_id and t.user_id = r.user_id
                          and t.part = r.part and t.status in ('failed', 'cancelled')
                          and r.status in ('planned', 'submitted')
                        returning r.customer_id""").params(status, sendId).query(Long.class).list();
        if (!released.isEmpty()) {
            jdbc.sql("delete from message_receipt where source = ? and customer_id = any(?::bigint[])")
                    .params("mass:" + sendId, released.toArray(Long[]::new))
                    .update();
        }
    }
}
