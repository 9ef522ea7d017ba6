package io.siyu.customer;

import static io.siyu.customer.CustomerResolution.codes;
import static io.siyu.customer.CustomerResolution.longArray;
import static io.siyu.customer.CustomerResolution.values;

import io.siyu.shared.DomainException;
import io.siyu.shared.Tenancy;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Merges profiles into one and undoes merges. Nothing is moved: identities, events and orders keep their
 * home profile, and a merged profile records its survivor ({@code customer.survivor_id}, the top of its
 * merge tree). An unmerge cuts one edge of the tree and gives the split-off subtree its own top again.
 *
 * <p>Merges of a tenant run one at a time (a transaction-scoped advisory lock), so that two writes merging
 * the same people concurrently cannot cross: the second one sees the first one's result.
 */
@Service
public class IdentityMerges {

    /** Identities a person has at most one of; a merge that would give a profile two of them is a conflict. */
    private static final String SINGLE_VALUED_CONFLICTS = """
            select type from customer_identity i join customer c on c.id = i.customer_id
            where (c.id = any(?::bigint[]) or c.survivor_id = any(?::bigint[]))
              and (i.type in ('unionid', 'wecom', 'openid') or (i.type = 'mobile' and i.verified))
            group by i.type, case when i.type in ('wecom', 'openid') then split_part(i.value, ':', 1) else '' end
            having count(distinct i.value) > 1
            """;

    private static final List<String> FILLABLE =
            List.of("display_name", "gender", "birthday", "city", "source_channel", "owner_account_id");

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    private final CustomerChanges changes;

    IdentityMerges(
            JdbcClient jdbc,
            ObjectMapper json,
            ApplicationEventPublisher events,
            Clock clock,
            CustomerChanges changes) {
        this.changes = changes;
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
        this.clock = clock;
    }

    /** The profile each given one resolves to now; unknown numbers are left out. */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Map<Long, Long> rootsOf(Collection<Long> ids) {
        var roots = new HashMap<Long, Long>();
        if (ids.isEmpty()) {
            return roots;
        }
        jdbc.sql("select id, coalesce(survivor_id, id) from customer where id = any(?::bigint[])")
                .param(longArray(new LinkedHashSet<>(ids)))
                .query(rs -> {
                    roots.put(rs.getLong(1), rs.getLong(2));
                });
        return roots;
    }

    /** The survivor of each of these profiles that was merged away; the others are left out. */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Map<Long, Long> mergedRoots(Collection<Long> ids) {
        var roots = new HashMap<Long, Long>();
        if (ids.isEmpty()) {
            return roots;
        }
        jdbc.sql("select id, survivor_id from customer where id = any(?::bigint[]) and survivor_id is not null")
                .param(longArray(new LinkedHashSet<>(ids)))
                .query(rs -> {
                    roots.put(rs.getLong(1), rs.getLong(2));
                });
        return roots;
    }

    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public long rootOf(long id) {
        var root = rootsOf(List.of(id)).get(id);
        if (root == null) {
            throw DomainException.notFound("customer", id);
        }
        return root;
    }

    /** Every profile that resolves to one of {@code roots}, mapped to its root. */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Map<Long, Long> members(Collection<Long> roots) {
        var members = new HashMap<Long, Long>();
        var array = longArray(new LinkedHashSet<>(roots));
        jdbc.sql("select id, coalesce(survivor_id, id) from customer where id = any(?::bigint[])"
                        + " or survivor_id = any(?::bigint[])")
                .params(array, array)
                .query(rs -> {
                    members.put(rs.getLong(1), rs.getLong(2));
                });
        return members;
    }

    /** Every profile that resolves to {@code root}, the root first. */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public List<Long> group(long root) {
        return jdbc.sql("select id from customer where id = ? or survivor_id = ? order by id <> ?, id")
                .params(root, root, root)
                .query(Long.class)
                .list();
    }

    /** Merge history of the profiles in {@code group}, newest first. */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public List<MergeRecord> history(Collection<Long> group) {
        var ids = longArray(group);
        return merges("survivor_id = any(?::bigint[]) or merged_id = any(?::bigint[])", ids, ids);
    }

    private List<MergeRecord> merges(String where, Object... params) {
        return jdbc.sql("select id, survivor_id, merged_id, rule, actor, merged_at, undone_at, undone_by"
                        + " from customer_merge where " + where + " order by merged_at desc, id desc limit 200")
                .params(params)
                .query((rs, n) -> new MergeRecord(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        MergeRule.fromCode(rs.getString(4)),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant(),
                        rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant(),
                        rs.getString(8)))
                .list();
    }

    private MergeRecord mergeRecord(long mergeId) {
        return merges("id = ?", mergeId).stream()
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("customer-merge", mergeId));
    }

    /** Applies the merge rules to a write whose identities lead to several profiles. */
    @Transactional(propagation = Propagation.MANDATORY)
    Resolved mergeForWrite(List<IdentityClaim> claims, long home, String actor, boolean strict, boolean created) {
        lock();
        var keys = claims.stream().map(IdentityClaim::key).distinct().toList();
        var homes = new LinkedHashSet<Long>();
        homes.add(home);
        homes.addAll(homesOf(keys));
        var roots = new LinkedHashSet<>(rootsOf(homes).values());
        long homeRoot = rootOf(home);
        if (roots.size() == 1) {
            return new Resolved(home, homeRoot, created, List.of(), false);
        }
        var rule = ruleOf(claims, keys);
        if (rule == null || hasConflict(roots, true)) {
            if (strict) {
                throw new IdentityConflict(
                        rule == null ? "customer.identity.conflict" : "customer.merge.conflict", List.copyOf(roots));
            }
            return new Resolved(home, homeRoot, created, List.of(), true);
        }
        long survivor = survivorOf(roots);
        var merged = new ArrayList<Long>();
        for (long root : roots) {
            if (root != survivor) {
                merge(survivor, root, rule, actor);
                merged.add(root);
            }
        }
        return new Resolved(home, survivor, created, merged, false);
    }

    /**
     * Makes two profiles one because someone said so. Two verified mobiles are allowed here (a person may
     * have two phones); two unionids or two external_userids of one corp are not.
     */
    @Transactional
    public long link(long first, long second, String actor) {
        lock();
        long a = rootOf(first);
        long b = rootOf(second);
        if (a == b) {
            return a;
        }
        var roots = List.of(a, b);
        if (hasConflict(roots, false)) {
            throw new IdentityConflict("customer.merge.conflict", roots);
        }
        long survivor = survivorOf(roots);
        merge(survivor, survivor == a ? b : a, MergeRule.LINK, actor);
        return survivor;
    }

    /**
     * Undoes one merge: the merged profile and everything merged into it become a profile of their own
     * again, with their identities, events and orders; fields the merge filled in on the survivor are
     * emptied again unless they were changed since.
     */
    @Transactional
    public MergeRecord undo(long mergeId, String actor) {
        lock();
        var record = mergeRecord(mergeId);
        if (record.undoneAt() != null) {
            throw new DomainException(HttpStatus.CONFLICT, "customer.merge.already-undone", mergeId);
        }
        jdbc.sql("""
                        with recursive subtree(id) as (
                            select ?::bigint
                            union
                            select m.merged_id from customer_merge m join subtree s on m.survivor_id = s.id
                            where m.undone_at is null
                        )
                        update customer set survivor_id = case when id = ? then null else ? end
                        where id in (select id from subtree)
                        """)
                .params(record.mergedId(), record.mergedId(), record.mergedId())
                .update();
        unfill(mergeId, record.survivorId());
        var now = clock.instant();
        jdbc.sql("update customer_merge set undone_at = ?, undone_by = ? where id = ?")
                .params(Timestamp.from(now), actor, mergeId)
                .update();
        events.publishEvent(
                new CustomerMerged(Tenancy.required().value(), mergeId, record.survivorId(), record.mergedId(), true));
        changes.merged(List.of(record.survivorId(), record.mergedId()));
        return mergeRecord(mergeId);
    }

    private void merge(long survivor, long merged, MergeRule rule, String actor) {
        var filled = fill(survivor, merged);
        jdbc.sql("update customer set survivor_id = ? where id = ? or survivor_id = ?")
                .params(survivor, merged, merged)
                .update();
        long id = jdbc.sql(
                        "insert into customer_merge (tenant_id, survivor_id, merged_id, rule, actor, merged_at, filled)"
                                + " values (siyu_current_tenant(), ?, ?, ?, ?, ?, ?::jsonb) returning id")
                .params(survivor, merged, rule.code(), actor, Timestamp.from(clock.instant()), filled.toString())
                .query(Long.class)
                .single();
        events.publishEvent(new CustomerMerged(Tenancy.required().value(), id, survivor, merged, false));
        changes.merged(List.of(survivor, merged));
    }

    /** Copies into the survivor what it lacks and the merged profile has; returns what was copied. */
    private ObjectNode fill(long survivor, long merged) {
        var rows = profileFields(List.of(survivor, merged));
        var mine = rows.get(survivor);
        var theirs = rows.get(merged);
        var filled = json.createObjectNode();
        for (var field : FILLABLE) {
            if (isEmpty(field, mine.get(field)) && !isEmpty(field, theirs.get(field))) {
                filled.set(field, theirs.get(field));
            }
        }
        var attributes = json.createObjectNode();
        theirs.path("attributes").properties().forEach(e -> {
            if (!mine.path("attributes").has(e.getKey())) {
                attributes.set(e.getKey(), e.getValue());
            }
        });
        if (!attributes.isEmpty()) {
            filled.set("attributes", attributes);
        }
        if (!filled.isEmpty()) {
            jdbc.sql("""
                            update customer set
                                display_name = coalesce(?::jsonb ->> 'display_name', display_name),
                                gender = coalesce((?::jsonb ->> 'gender')::smallint, gender),
                                birthday = coalesce((?::jsonb ->> 'birthday')::date, birthday),
                                city = coalesce((?::jsonb ->> 'city')::smallint, city),
                                source_channel = coalesce(?::jsonb ->> 'source_channel', source_channel),
                                owner_account_id = coalesce((?::jsonb ->> 'owner_account_id')::bigint, owner_account_id),
                                attributes = attributes || coalesce(?::jsonb -> 'attributes', '{}'),
                                anonymous = anonymous and ?
                            where id = ?
                            """)
                    .params(
                            filled.toString(),
                            filled.toString(),
                            filled.toString(),
                            filled.toString(),
                            filled.toString(),
                            filled.toString(),
                            filled.toString(),
                            theirs.path("anonymous").asBoolean(),
                            survivor)
                    .update();
        }
        return filled;
    }

    private void unfill(long mergeId, long survivor) {
        var filled = jdbc.sql("select filled from customer_merge where id = ?")
                .param(mergeId)
                .query(String.class)
                .single();
        var changes = json.readTree(filled);
        if (changes.isEmpty()) {
            return;
        }
        var current = profileFields(List.of(survivor)).get(survivor);
        var reset = new ArrayList<String>();
        for (var field : FILLABLE) {
            if (changes.has(field) && Objects.equals(changes.get(field), current.get(field))) {
                reset.add(
                        field + " = " + (field.equals("display_name") ? "''" : field.equals("gender") ? "0" : "null"));
            }
        }
        var attributes = new ArrayList<String>();
        changes.path("attributes").properties().forEach(e -> {
            if (Objects.equals(e.getValue(), current.path("attributes").get(e.getKey()))) {
                attributes.add(e.getKey());
            }
        });
        if (!attributes.isEmpty()) {
            reset.add("attributes = attributes - ?::text[]");
        }
        if (reset.isEmpty()) {
            return;
        }
        var update = jdbc.sql("update customer set " + String.join(", ", reset) + " where id = ?");
        if (!attributes.isEmpty()) {
            update = update.param(attributes.toArray(String[]::new));
        }
        update.param(survivor).update();
    }

    private Map<Long, JsonNode> profileFields(List<Long> ids) {
        var rows = new HashMap<Long, JsonNode>();
        jdbc.sql(
                        "select id, json_build_object('display_name', display_name, 'gender', gender, 'birthday', birthday,"
                                + " 'city', city, 'source_channel', source_channel, 'owner_account_id', owner_account_id,"
                                + " 'attributes', attributes, 'anonymous', anonymous)::text from customer where id = any(?::bigint[])")
                .param(longArray(ids))
                .query(rs -> {
                    rows.put(rs.getLong(1), json.readTree(rs.getString(2)));
                });
        if (rows.size() != new LinkedHashSet<>(ids).size()) {
            throw DomainException.notFound("customer", ids);
        }
        return rows;
    }

    private static boolean isEmpty(String field, @Nullable JsonNode value) {
        if (value == null || value.isNull()) {
            return true;
        }
        return switch (field) {
            case "display_name" -> value.asString().isEmpty();
            case "gender" -> value.asInt() == 0;
            default -> false;
        };
    }

    /** A write may merge when it carries a unionid, or a mobile that it or an earlier write verified. */
    private @Nullable MergeRule ruleOf(List<IdentityClaim> claims, List<IdentityKey> keys) {
        if (keys.stream().anyMatch(k -> k.type() == IdentityType.UNIONID)) {
            return MergeRule.UNIONID;
        }
        var mobiles = keys.stream().filter(k -> k.type() == IdentityType.MOBILE).toList();
        if (claims.stream().anyMatch(c -> c.verified() && c.key().type() == IdentityType.MOBILE)) {
            return MergeRule.MOBILE;
        }
        if (!mobiles.isEmpty()
                && jdbc.sql("select exists (select 1 from customer_identity where type = 'mobile'"
                                + " and value = any(?::text[]) and verified)")
                        .param(values(mobiles))
                        .query(Boolean.class)
                        .single()) {
            return MergeRule.MOBILE;
        }
        return null;
    }

    private boolean hasConflict(Collection<Long> roots, boolean countMobiles) {
        var ids = longArray(roots);
        return jdbc.sql(SINGLE_VALUED_CONFLICTS).params(ids, ids).query(String.class).list().stream()
                .anyMatch(type -> countMobiles || !type.equals("mobile"));
    }

    /** A named profile before an anonymous one, then the older one: the same people always merge the same way. */
    private long survivorOf(Collection<Long> roots) {
        return jdbc.sql("select id from customer where id = any(?::bigint[]) order by anonymous, id limit 1")
                .param(longArray(roots))
                .query(Long.class)
                .single();
    }

    private List<Long> homesOf(List<IdentityKey> keys) {
        return jdbc.sql(
                        "select i.customer_id from customer_identity i join unnest(?::text[], ?::text[]) as k(type, value)"
                                + " on i.type = k.type and i.value = k.value")
                .params(codes(keys), values(keys))
                .query(Long.class)
                .list();
    }

    private void lock() {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('siyu.customer.merge', siyu_current_tenant()))")
                .query()
                .singleRow();
    }
}
