package io.siyu.tagging;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Puts tags on customers and takes them off, writing a history row for each pair that changed (and none for
 * pairs that were already so), and tells the observers after commit. Callers hold a transaction.
 */
@Component
class TagAssignments {

    /** Who changed a tag: a staff member or API key, or nobody (a rule, the system). */
    record By(
            TagSource source,
            @Nullable Long actorId,
            @Nullable String actorName) {}

    private static final String LOG = ", logged as (insert into customer_tag_history"
            + " (tenant_id, customer_id, tag_id, tag_name, group_name, added, source, actor_id, actor_name)"
            + " select siyu_current_tenant(), x.customer_id, x.tag_id, t.name, g.name, %s, :source::text, :actor::bigint, :actorName::text"
            + " from %s x join tag t on t.id = x.tag_id join tag_group g on g.id = t.group_id)";

    private final JdbcClient jdbc;
    private final TagChanges changes;

    TagAssignments(JdbcClient jdbc, TagChanges changes) {
        this.jdbc = jdbc;
        this.changes = changes;
    }

    /** Puts each tag on each customer that does not carry it yet; the pairs that changed, by tag. */
    Map<Integer, List<Long>> add(Collection<Long> customers, Collection<Integer> tags, By by) {
        if (customers.isEmpty() || tags.isEmpty()) {
            return Map.of();
        }
        var sql = "with added as (insert into customer_tag (tenant_id, customer_id, tag_id, source, tagged_by,"
                + " tagged_by_name) select siyu_current_tenant(), c, t, :source::text, :actor::bigint, :actorName::text"
                + " from unnest(:customers::bigint[]) c, unnest(:tags::int[]) t"
                + " on conflict do nothing returning customer_id, tag_id)"
                + LOG.formatted("true", "added")
                + " select customer_id, tag_id from added";
        var changed = run(sql, by, customers, tags);
        changed.forEach(changes::added);
        return changed;
    }

    /** Takes each tag off each customer profile given; the pairs that changed, by tag. */
    Map<Integer, List<Long>> remove(Collection<Long> customers, Collection<Integer> tags, By by) {
        if (customers.isEmpty() || tags.isEmpty()) {
            return Map.of();
        }
        var sql = "with removed as (delete from customer_tag where customer_id = any(:customers::bigint[])"
                + " and tag_id = any(:tags::int[]) returning customer_id, tag_id)"
                + LOG.formatted("false", "removed")
                + " select customer_id, tag_id from removed";
        var changed = run(sql, by, customers, tags);
        changed.forEach(changes::removed);
        return changed;
    }

    /** Takes a tag off everyone (before the tag is deleted). */
    Map<Integer, List<Long>> removeEverywhere(int tag, By by) {
        var sql = "with removed as (delete from customer_tag where tag_id = :tag returning customer_id, tag_id)"
                + LOG.formatted("false", "removed")
                + " select customer_id, tag_id from removed";
        var changed = new HashMap<Integer, List<Long>>();
        jdbc.sql(sql)
                .param("tag", tag)
                .param("source", by.source().code())
                .param("actor", by.actorId())
                .param("actorName", by.actorName())
                .query(rs -> {
                    changed.computeIfAbsent(rs.getInt(2), t -> new ArrayList<>())
                            .add(rs.getLong(1));
                });
        changed.forEach(changes::removed);
        return changed;
    }

    private Map<Integer, List<Long>> run(String sql, By by, Collection<Long> customers, Collection<Integer> tags) {
        var changed = new HashMap<Integer, List<Long>>();
        jdbc.sql(sql)
                .param("source", by.source().code())
                .param("actor", by.actorId())
                .param("actorName", by.actorName())
                .param("customers", customers.toArray(Long[]::new))
                .param("tags", tags.toArray(Integer[]::new))
                .query(rs -> {
                    changed.computeIfAbsent(rs.getInt(2), t -> new ArrayList<>())
                            .add(rs.getLong(1));
                });
        return changed;
    }
}
