package io.siyu.messaging;

import io.siyu.shared.AfterCommit;
import io.siyu.shared.FieldProblem;
import io.siyu.wecom.WeComAppManagement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
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

    /** The origin of sends a journey makes. */
    public static final String JOURNEY = "journey";

    /** The origin of sends a growth campaign makes (its progress messages and group announcements). */
    public static final String GROWTH = "growth";

    private final JdbcClient jdbc;
    private final MassSends sends;
    private final GroupSends groups;
    private final MomentTasks moments;
    private final SendChecks checks;
    private final WeComAppManagement apps;
    private final MassSendWork work;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    Outreach(
            JdbcClient jdbc,
            MassSends sends,
            GroupSends groups,
            MomentTasks moments,
            SendChecks checks,
            WeComAppManagement apps,
            MassSendWork work,
            Clock clock) {
        this.jdbc = jdbc;
        this.sends = sends;
        this.groups = groups;
        this.moments = moments;
        this.checks = checks;
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
        return send(JOURNEY, appId, name, ref, customers, text, materialIds, priority);
    }

    /**
     * As {@link #send(long, String, String, List, String, List, String)}, for {@code origin}: {@link #JOURNEY} or
     * {@link #GROWTH} (a campaign's progress messages).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long send(
            String origin,
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
                        values (?, ?, ?::jsonb, ?, ?::bigint[], ?, ?, ?, ?) returning id""")
                .params(
                        appId,
                        name,
                        json.writeValueAsString(Map.of("customerIds", customers)),
                        text.strip(),
                        materialIds.toArray(Long[]::new),
                        Timestamp.from(clock.instant()),
                        origin,
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
        var counts = new TreeMap<String, Long>();
        jdbc.sql("""
                        select r.status, count(*) from mass_send m
                        join mass_send_recipient r on r.mass_send_id = m.id
                        where m.origin = 'journey' and m.origin_ref = any(?::text[]) group by r.status""").param(refs.toArray(String[]::new)).query(rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        });
        return counts;
    }

    /**
     * Problems with a message to customer groups, named under {@code prefix}: its content, the groups (none: every
     * group of the app) and the owners who send it (none: every owner).
     */
    public void checkGroupMessage(
            String prefix,
            @Nullable Long appId,
            String text,
            List<Long> materialIds,
            List<String> chatIds,
            List<String> staff,
            List<FieldProblem> problems) {
        sends.checkContent(prefix, text.strip(), materialIds, problems);
        var found = new ArrayList<FieldProblem>();
        groups.check(appId, chatIds.isEmpty() ? null : new MassSendInput.Audience(null, null, null, chatIds), found);
        found.forEach(p -> problems.add(new FieldProblem(
                prefix + p.field().replaceFirst("^audience\\.", ""), p.code(), p.arguments(), p.message())));
        checks.staff(appId, staff, prefix + "staff", problems);
    }

    /** Problems with a moments post, named under {@code prefix} (see {@link MomentTasks}). */
    public void checkMoment(String prefix, MomentTasks.Input post, List<FieldProblem> problems) {
        moments.check(
                prefix,
                post.appId(),
                post.text() == null ? "" : post.text().strip(),
                post.materialIds() == null ? List.of() : post.materialIds(),
                post.staff() == null ? List.of() : post.staff(),
                post.tagIds() == null ? List.of() : post.tagIds(),
                problems);
    }

    /**
     * A message to customer groups, due now, made in the caller's transaction unless one of this {@code occasion}
     * was made already (a step that reaches groups sends once per occasion, however many customers pass it).
     *
     * @param ref what made it, as for {@link #send}
     * @return whether this call made it
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean sendToGroups(MassSendInput message, String ref, String occasion) {
        return sendToGroups(JOURNEY, message, ref, occasion) != null;
    }

    /**
     * As {@link #sendToGroups(MassSendInput, String, String)}, for {@code origin}; answers the send made, or null
     * when one of this occasion was made already.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public @Nullable Long sendToGroups(String origin, MassSendInput message, String ref, String occasion) {
        var chatIds = message.audience() == null ? null : message.audience().chatIds();
        var made = jdbc.sql("""
                        insert into mass_send (app_id, name, chat_type, audience, staff, text, material_ids, send_at,
                                               origin, origin_ref, occasion, priority)
                        values (?, ?, 'group', ?::jsonb, ?::text[], ?, ?::bigint[], ?, ?, ?, ?, 'normal')
                        on conflict (tenant_id, occasion) do nothing returning id""")
                .params(
                        message.appId(),
                        message.name(),
                        json.writeValueAsString(
                                chatIds == null || chatIds.isEmpty() ? Map.of() : Map.of("chatIds", chatIds)),
                        (message.staff() == null ? List.<String>of() : message.staff()).toArray(String[]::new),
                        message.text() == null ? "" : message.text().strip(),
                        (message.materialIds() == null ? List.<Long>of() : message.materialIds()).toArray(Long[]::new),
                        Timestamp.from(clock.instant()),
                        origin,
                        ref,
                        occasion)
                .query(Long.class)
                .optional()
                .orElse(null);
        if (made != null) {
            AfterCommit.collect(work, () -> work, w -> {}, MassSendWork::wake);
        }
        return made;
    }

    /**
     * What became of each of these sends, for sends of one customer or one group each (a campaign's messages): the
     * recipient's status (planned, submitted, delivered, quota, over_quota, no_contact, not_friend, failed, …), or
     * the send's own (scheduled) until it is planned.
     */
    public Map<Long, String> statuses(java.util.Collection<Long> sendIds) {
        var statuses = new java.util.HashMap<Long, String>();
        if (!sendIds.isEmpty()) {
            jdbc.sql("""
                            select m.id, coalesce(
                                (select r.status from mass_send_recipient r where r.mass_send_id = m.id limit 1),
                                (select g.status from mass_send_group g where g.mass_send_id = m.id limit 1),
                                m.status)
                            from mass_send m where m.id = any(?::bigint[])""").param(sendIds.toArray(Long[]::new)).query(rs -> {
                statuses.put(rs.getLong(1), rs.getString(2));
            });
        }
        return statuses;
    }

    /**
     * A moments post, due now, made in the caller's transaction unless one of this {@code occasion} was made
     * already; answers whether this call made it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean post(MomentTasks.Input post, String ref, String occasion) {
        return moments.insert(
                        new MomentTasks.Post(
                                Objects.requireNonNull(post.appId()),
                                post.name() == null ? "" : post.name(),
                                post.text() == null ? "" : post.text().strip(),
                                post.materialIds() == null ? List.of() : post.materialIds(),
                                post.staff() == null ? List.of() : post.staff(),
                                post.tagIds() == null ? List.of() : post.tagIds()),
                        clock.instant(),
                        null,
                        ref,
                        occasion)
                != null;
    }

    /** The group sends made under these refs ({@code sends}) and their groups counted by status. */
    public Map<String, Long> groupOutcomes(List<String> refs) {
        var counts = new TreeMap<String, Long>();
        var ids = jdbc.sql("select id from mass_send where origin = 'journey' and chat_type = 'group'"
                        + " and origin_ref = any(?::text[])")
                .param(refs.toArray(String[]::new))
                .query(Long.class)
                .list();
        counts.put("sends", (long) ids.size());
        groups.counts(ids).values().forEach(c -> c.forEach((status, n) -> counts.merge(status, n, Long::sum)));
        return counts;
    }

    /** The moments posts made under these refs ({@code posts}) and their staff asked, published and customers. */
    public Map<String, Long> momentOutcomes(List<String> refs) {
        var counts = new TreeMap<String, Long>();
        jdbc.sql("""
                        select count(distinct t.id), count(s.user_id), count(s.published_at), coalesce(sum(s.customers), 0)
                        from moment_task t left join moment_task_staff s on s.moment_task_id = t.id
                        where t.origin = 'journey' and t.origin_ref = any(?::text[])""").param(refs.toArray(String[]::new)).query(rs -> {
            counts.put("posts", rs.getLong(1));
            counts.put("staff", rs.getLong(2));
            counts.put("published", rs.getLong(3));
            counts.put("customers", rs.getLong(4));
        });
        return counts;
    }
}
