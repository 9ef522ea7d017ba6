package io.siyu.messaging;

import io.siyu.shared.AfterCommit;
import io.siyu.shared.FieldProblem;
import io.siyu.wecom.WeComAppManagement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * 1:1 messages other modules send through the customers' staff members: a journey step hands its customers
 * over in batches, each batch one mass send (kept out of the console's list), so it goes through the same
 * sending rules, holds, WeCom calls and tracking, and reaches each customer at most once.
 */
@Component
public class Outreach {

    /** A batch is one add_msg_template per staff member at most: WeCom's limit. */
    public static final int MAX_BATCH = MassSendInput.MAX_CUSTOMER_IDS;

    private final JdbcClient jdbc;
    private final MassSends sends;
    private final WeComAppManagement apps;
    private final MassSendWork work;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    Outreach(JdbcClient jdbc, MassSends sends, WeComAppManagement apps, MassSendWork work, Clock clock) {
        this.jdbc = jdbc;
        this.sends = sends;
        this.apps = apps;
        this.work = work;
        this.clock = clock;
    }

    /** Problems with a message's content (text, materials) and priority, named under {@code prefix}. */
    public void check(
            String prefix, String text, List<Long> materialIds, String priority, List<FieldProblem> problems) {
        sends.checkContent(prefix, text.strip(), materialIds, problems);
        if (!priority.isEmpty() && !SendingRules.PRIORITIES.contains(priority)) {
            problems.add(new FieldProblem(
                    prefix + "priority", "messaging.priority", String.join(", ", SendingRules.PRIORITIES)));
        }
    }

    /** The app messages go through when none is named: the tenant's only connected WeCom app. */
    public Optional<Long> defaultApp() {
        var all = apps.apps();
        return all.size() == 1 ? Optional.of(all.getFirst().id()) : Optional.empty();
    }

    /** Whether the tenant has this app connected. */
    public boolean hasApp(long appId) {
        return apps.apps().stream().anyMatch(a -> a.id() == appId);
    }

    /**
     * Makes a send to these customers, due now, in the caller's transaction (so the batch is handed over with
     * whatever marks it handed, or not at all); answers its id.
     *
     * @param ref what made it, e.g. {@code journey:12:v3:hello}; sends with the same ref are one step's
     * @param priority low, normal or high (see {@link SendingRules#PRIORITIES})
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long send(
            long appId,
            String name,
            String ref,
            List<Long> customers,
            String text,
            List<Long> materialIds,
            String priority) {
        if (customers.isEmpty() || customers.size() > MAX_BATCH) {
            throw new IllegalArgumentException("a batch is 1 to " + MAX_BATCH + " customers");
        }
        long id = jdbc.sql("""
                        insert into mass_send (app_id, name, audience, text, material_ids, send_at, origin, origin_ref,
                                               priority)
                        values (?, ?, ?::jsonb, ?, ?::bigint[], ?, 'journey', ?, ?) returning id""")
                .params(
                        appId,
                        name,
                        json.writeValueAsString(Map.of("customerIds", customers)),
                        text.strip(),
                        materialIds.toArray(Long[]::new),
                        Timestamp.from(clock.instant()),
                        ref,
                        SendingRules.PRIORITIES.contains(priority) ? priority : "normal")
                .query(Long.class)
                .single();
        AfterCommit.collect(work, () -> work, w -> {}, MassSendWork::wake);
        return id;
    }

    /**
     * What became of the customers of the sends made under these refs, counted by recipient status (planned,
     * submitted, delivered, frequency, no_contact, …): each customer handed over once appears once.
     */
    public Map<String, Long> outcomes(List<String> refs) {
        var counts = new java.util.TreeMap<String, Long>();
        jdbc.sql("""
                        select r.status, count(*) from mass_send m
                        join mass_send_recipient r on r.mass_send_id = m.id
                        where m.origin = 'journey' and m.origin_ref = any(?::text[]) group by r.status""").param(refs.toArray(String[]::new)).query(rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        });
        return counts;
    }
}
