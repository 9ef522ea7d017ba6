package io.siyu.tagging;

import io.siyu.access.Actor;
import io.siyu.customer.CustomerScope;
import io.siyu.customer.IdentityMerges;
import io.siyu.shared.DomainException;
import io.siyu.shared.FieldProblem;
import io.siyu.shared.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tag groups, tags and who carries them. A personal tag is seen and used only by the staff member who owns
 * it; a rule tag is kept by a segment and nobody sets it by hand. Tags go on the customer a profile resolves
 * to, and come off every profile of a merged customer.
 */
@Service
public class TagManagement {

    /** WeCom's limit for corporate tag and group names, so that tags can be synced both ways. */
    public static final int MAX_NAME = 30;
    /** The most customers one assignment call takes. */
    public static final int MAX_CUSTOMERS = 10_000;

    public static final int MAX_TAGS_PER_CALL = 100;

    private static final String TAG_COLUMNS =
            "t.id, t.group_id, t.name, t.owner_account_id, t.segment_id, t.created_at";
    private static final RowMapper<Tag> TAG = (rs, n) -> new Tag(
            rs.getInt(1),
            rs.getInt(2),
            rs.getString(3),
            rs.getObject(4, Long.class),
            rs.getObject(5, Long.class),
            rs.getTimestamp(6).toInstant());

    /** What an assignment changed: pairs added and removed, and the ids that are unknown or not the caller's. */
    public record Outcome(int added, int removed, List<Long> unknown) {}

    private final JdbcClient jdbc;
    private final TagAssignments assignments;
    private final CustomerScope scope;
    private final IdentityMerges merges;

    TagManagement(JdbcClient jdbc, TagAssignments assignments, CustomerScope scope, IdentityMerges merges) {
        this.jdbc = jdbc;
        this.assignments = assignments;
        this.scope = scope;
        this.merges = merges;
    }

    // ---- groups and tags

    /** Every group with the organisation's tags and the caller's personal ones, in order. */
    @Transactional(readOnly = true)
    public List<TagGroup> groups() {
        var tags = jdbc.sql("select " + TAG_COLUMNS + " from tag t where t.owner_account_id is null"
                        + " or t.owner_account_id = ? order by t.group_id, t.owner_account_id nulls first, t.id")
                .param(me())
                .query(TAG)
                .list();
        return jdbc.sql("select id, name, kind, position, created_at from tag_group order by position, id")
                .query((rs, n) -> {
                    int id = rs.getInt(1);
                    return new TagGroup(
                            id,
                            rs.getString(2),
                            TagKind.ofCode(rs.getString(3)).orElse(TagKind.ATTRIBUTE),
                            rs.getInt(4),
                            rs.getTimestamp(5).toInstant(),
                            tags.stream().filter(t -> t.groupId() == id).toList());
                })
                .list();
    }

    @Transactional(readOnly = true)
    public TagGroup group(int id) {
        return groups().stream()
                .filter(g -> g.id() == id)
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("tag-group", id));
    }

    @Transactional
    public TagGroup createGroup(String name, TagKind kind) {
        var checked = name("name", name);
        lockIds();
        int id = jdbc.sql("select coalesce(max(id), 0) + 1 from tag_group")
                .query(Integer.class)
                .single();
        try {
            jdbc.sql("insert into tag_group (tenant_id, id, name, kind, position)"
                            + " values (siyu_current_tenant(), ?, ?, ?, ?)")
                    .params(id, checked, kind.code(), id)
                    .update();
        } catch (DuplicateKeyException e) {
            throw taken("tag.group.name-taken", checked);
        }
        return group(id);
    }

    @Transactional
    public TagGroup updateGroup(int id, @Nullable String name, @Nullable TagKind kind) {
        group(id);
        try {
            jdbc.sql("update tag_group set name = coalesce(?, name), kind = coalesce(?, kind) where id = ?")
                    .params(name == null ? null : name("name", name), kind == null ? null : kind.code(), id)
                    .update();
        } catch (DuplicateKeyException e) {
            throw taken("tag.group.name-taken", Objects.requireNonNull(name));
        }
        return group(id);
    }

    /** Deletes an empty group; a group with tags (anyone's) is refused. */
    @Transactional
    public void deleteGroup(int id) {
        group(id);
        long tags = jdbc.sql("select count(*) from tag where group_id = ?")
                .param(id)
                .query(Long.class)
                .single();
        if (tags > 0) {
            throw new DomainException(HttpStatus.CONFLICT, "tag.group.not-empty", tags);
        }
        jdbc.sql("delete from tag_group where id = ?").param(id).update();
    }

    /** A tag the caller may see. */
    @Transactional(readOnly = true)
    public Tag tag(int id) {
        return jdbc.sql("select " + TAG_COLUMNS
                        + " from tag t where t.id = ? and (t.owner_account_id is null or t.owner_account_id = ?)")
                .params(id, me())
                .query(TAG)
                .optional()
                .orElseThrow(() -> DomainException.notFound("tag", id));
    }

    /** @param personal a personal tag of the caller, instead of one of the organisation's */
    @Transactional
    public Tag createTag(int groupId, String name, boolean personal) {
        var checked = name("name", name);
        group(groupId);
        lockIds();
        int id = jdbc.sql("select coalesce(max(id), 0) + 1 from tag")
                .query(Integer.class)
                .single();
        try {
            jdbc.sql("insert into tag (tenant_id, id, group_id, name, owner_account_id)"
                            + " values (siyu_current_tenant(), ?, ?, ?, ?)")
                    .params(id, groupId, checked, personal ? me() : null)
                    .update();
        } catch (DuplicateKeyException e) {
            throw taken("tag.name-taken", checked);
        }
        return tag(id);
    }

    @Transactional
    public Tag updateTag(int id, @Nullable String name, @Nullable Integer groupId) {
        tag(id);
        if (groupId != null) {
            group(groupId);
        }
        try {
            jdbc.sql("update tag set name = coalesce(?, name), group_id = coalesce(?, group_id) where id = ?")
                    .params(name == null ? null : name("name", name), groupId, id)
                    .update();
        } catch (DuplicateKeyException e) {
            throw taken("tag.name-taken", name == null ? tag(id).name() : name);
        }
        return tag(id);
    }

    /** Takes the tag off every customer (the history keeps it) and deletes it; rule tags are refused. */
    @Transactional
    public void deleteTag(int id) {
        var tag = tag(id);
        if (tag.segmentId() != null) {
            throw new DomainException(HttpStatus.CONFLICT, "tag.rule-managed", tag.name(), tag.segmentId());
        }
        assignments.removeEverywhere(id, by(TagSource.MANUAL));
        jdbc.sql("delete from tag where id = ?").param(id).update();
    }

    /**
     * Makes a tag a rule tag kept by {@code segmentId}, or (null) an ordinary tag again. Personal tags and
     * tags another segment keeps are refused.
     */
    @Transactional
    public Tag keepBy(int tagId, @Nullable Long segmentId) {
        var tag = tag(tagId);
        if (segmentId != null
                && (tag.personal()
                        || tag.segmentId() != null && !tag.segmentId().equals(segmentId))) {
            throw new DomainException(
                    HttpStatus.CONFLICT,
                    "problem.invalid-request",
                    List.of(new FieldProblem("tagId", "tag.rule.unavailable", tag.name())));
        }
        jdbc.sql("update tag set segment_id = ? where id = ?")
                .params(segmentId, tagId)
                .update();
        return tag(tagId);
    }

    // ---- customers' tags

    /**
     * Keeps a rule tag equal to its segment: puts it on the customers who entered and takes it off those who
     * left. Called by the segment engine, not on anyone's behalf, so no visibility applies.
     */
    @Transactional
    public void keep(int tag, Collection<Long> entered, Collection<Long> exited) {
        var by = new TagAssignments.By(TagSource.RULE, null, null);
        assignments.add(entered, List.of(tag), by);
        if (!exited.isEmpty()) {
            assignments.remove(merges.members(exited).keySet(), List.of(tag), by);
        }
    }

    /**
     * Puts tags on customers and takes others off. Customers the caller may not see count as unknown;
     * rule tags are refused unless {@code source} is {@link TagSource#RULE}.
     */
    @Transactional
    public Outcome apply(
            Collection<Long> customers, Collection<Integer> add, Collection<Integer> remove, TagSource source) {
        checkUsable(add, "add", source);
        checkUsable(remove, "remove", source);
        var roots = scope.visibleRoots(customers);
        var unknown = customers.stream()
                .filter(id -> !roots.containsKey(id))
                .distinct()
                .toList();
        var by = by(source);
        var rootIds = new LinkedHashSet<>(roots.values());
        var added = assignments.add(rootIds, add, by);
        var members = remove.isEmpty() || rootIds.isEmpty() ? Map.<Long, Long>of() : merges.members(rootIds);
        var removed = assignments.remove(members.keySet(), remove, by);
        return new Outcome(pairs(added, Map.of()), pairs(removed, members), unknown);
    }

    /**
     * Puts tags on and takes tags off for a connector acting on its own (a WeCom live code's channel tags, a
     * tag set inside WeCom): no staff member's view applies; tags that no longer exist, personal tags and
     * rule tags are left out rather than refused, because the decision was taken outside Siyu.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public Outcome applyFromConnector(
            Collection<Long> customers, Collection<Integer> add, Collection<Integer> remove, TagSource source) {
        var usable = new HashSet<>(jdbc.sql("select id from tag where id = any(?::int[])"
                        + " and owner_account_id is null and segment_id is null")
                .param(java.util.stream.Stream.concat(add.stream(), remove.stream())
                        .toArray(Integer[]::new))
                .query(Integer.class)
                .list());
        var rootIds = new LinkedHashSet<>(merges.rootsOf(customers).values());
        var by = new TagAssignments.By(source, null, null);
        var added =
                assignments.add(rootIds, add.stream().filter(usable::contains).toList(), by);
        var members = remove.isEmpty() || rootIds.isEmpty() ? Map.<Long, Long>of() : merges.members(rootIds);
        var removed = assignments.remove(
                members.keySet(), remove.stream().filter(usable::contains).toList(), by);
        return new Outcome(pairs(added, Map.of()), pairs(removed, members), List.of());
    }

    /** The tags a customer carries (on any of its profiles), the caller's personal ones included. */
    @Transactional(readOnly = true)
    public List<CustomerTag> tagsOf(long customerId) {
        var group = scope.visibleGroup(customerId);
        return jdbc.sql("select distinct on (t.id) " + TAG_COLUMNS + ", g.name, g.kind, ct.source, ct.tagged_at,"
                        + " ct.tagged_by, ct.tagged_by_name from customer_tag ct join tag t on t.id = ct.tag_id"
                        + " join tag_group g on g.id = t.group_id where ct.customer_id = any(?::bigint[])"
                        + " and (t.owner_account_id is null or t.owner_account_id = ?) order by t.id, ct.tagged_at")
                .params(group.toArray(Long[]::new), me())
                .query((rs, n) -> new CustomerTag(
                        TAG.mapRow(rs, n),
                        rs.getString(7),
                        TagKind.ofCode(rs.getString(8)).orElse(TagKind.ATTRIBUTE),
                        TagSource.ofCode(rs.getString(9)),
                        rs.getTimestamp(10).toInstant(),
                        rs.getObject(11, Long.class),
                        rs.getString(12)))
                .list();
    }

    /** A customer's tag history, newest first; other staff members' personal tags are left out. */
    @Transactional(readOnly = true)
    public List<TagHistoryEntry> historyOf(long customerId, PageRequest page) {
        var group = scope.visibleGroup(customerId);
        return jdbc.sql("select h.id, h.customer_id, h.tag_id, h.tag_name, h.group_name, h.added, h.source,"
                        + " h.actor_id, h.actor_name, h.at from customer_tag_history h"
                        + " left join tag t on t.id = h.tag_id where h.customer_id = any(?::bigint[]) and h.id < ?"
                        + " and (t.owner_account_id is null or t.owner_account_id = ?) order by h.id desc limit ?")
                .params(group.toArray(Long[]::new), page.before(), me(), page.fetchSize())
                .query(TagManagement::historyEntry)
                .list();
    }

    private static TagHistoryEntry historyEntry(ResultSet rs, int n) throws SQLException {
        return new TagHistoryEntry(
                rs.getLong(1),
                rs.getLong(2),
                rs.getInt(3),
                rs.getString(4),
                rs.getString(5),
                rs.getBoolean(6),
                TagSource.ofCode(rs.getString(7)),
                rs.getObject(8, Long.class),
                rs.getString(9),
                rs.getTimestamp(10).toInstant());
    }

    // ---- checks

    private void checkUsable(Collection<Integer> tags, String field, TagSource source) {
        if (tags.isEmpty()) {
            return;
        }
        var found = new HashSet<Integer>();
        var problems = new ArrayList<FieldProblem>();
        jdbc.sql("select " + TAG_COLUMNS + " from tag t where t.id = any(?::int[])"
                        + " and (t.owner_account_id is null or t.owner_account_id = ?)")
                .params(tags.toArray(Integer[]::new), me())
                .query(TAG)
                .list()
                .forEach(tag -> {
                    found.add(tag.id());
                    if (tag.segmentId() != null && source != TagSource.RULE) {
                        problems.add(new FieldProblem(field, "tag.rule-managed", tag.name(), tag.segmentId()));
                    }
                });
        tags.stream()
                .filter(id -> !found.contains(id))
                .forEach(id -> problems.add(new FieldProblem(field, "tag.unknown", String.valueOf(id))));
        if (!problems.isEmpty()) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "problem.invalid-request", problems);
        }
    }

    /** Counts changed (customer, tag) pairs, counting a merged customer's profiles once. */
    private static int pairs(Map<Integer, List<Long>> changed, Map<Long, Long> rootOf) {
        Set<String> pairs = new HashSet<>();
        changed.forEach((tag, ids) -> ids.forEach(id -> pairs.add(tag + ":" + rootOf.getOrDefault(id, id))));
        return pairs.size();
    }

    private static String name(String field, @Nullable String name) {
        var stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty() || stripped.codePointCount(0, stripped.length()) > MAX_NAME) {
            throw new DomainException(
                    HttpStatus.BAD_REQUEST,
                    "problem.invalid-request",
                    List.of(new FieldProblem(field, "tag.name.length", MAX_NAME)));
        }
        return stripped;
    }

    private static DomainException taken(String code, String name) {
        return new DomainException(
                HttpStatus.CONFLICT, "problem.invalid-request", List.of(new FieldProblem("name", code, name)));
    }

    /** New ids are the tenant's highest plus one: one writer at a time per tenant. */
    private void lockIds() {
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(hashtext('tag'), siyu_current_tenant()::int)) locked")
                .query(Integer.class)
                .single();
    }

    private static long me() {
        return Actor.current().map(Actor::accountId).orElse(-1L);
    }

    private static TagAssignments.By by(TagSource source) {
        var actor = Actor.current();
        if (source == TagSource.RULE) {
            return new TagAssignments.By(source, null, null);
        }
        var effective = actor.filter(Actor::apiKey).isPresent() && source == TagSource.MANUAL ? TagSource.API : source;
        return new TagAssignments.By(
                effective,
                actor.map(Actor::accountId).orElse(null),
                actor.map(Actor::name).orElse(null));
    }
}
