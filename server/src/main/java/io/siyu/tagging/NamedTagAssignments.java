package io.siyu.tagging;

import io.siyu.access.Permission;
import io.siyu.customer.CustomerRef;
import io.siyu.customer.CustomerResolution;
import io.siyu.customer.CustomerScope;
import io.siyu.customer.IdentityKey;
import io.siyu.shared.FieldProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Tag assignments that name the customer by an identity and the tag by its group and name, as a
 * spreadsheet from another system has them: {@code {"customer": {"mobile": "13800138000"}, "group": "来源",
 * "tag": "抖音", "action": "add"}}. Each record stands alone: a bad one is refused with its fields named and
 * the others still apply. Missing groups and tags are created for callers who may manage tags; re-sending
 * the same records changes nothing.
 */
@Service
public class NamedTagAssignments {

    /** The most records one call takes. */
    public static final int MAX_RECORDS = 1_000;

    /** What happened to one record: added, removed, unchanged or rejected (with its problems). */
    public record Result(int index, String status, @Nullable Long customerId, List<FieldProblem> problems) {}

    private record Parsed(
            int index, CustomerRef customer, @Nullable String group, String tag, boolean remove) {}

    private final TagManagement tags;
    private final CustomerResolution customers;
    private final JdbcClient jdbc;

    NamedTagAssignments(TagManagement tags, CustomerResolution customers, JdbcClient jdbc) {
        this.tags = tags;
        this.customers = customers;
        this.jdbc = jdbc;
    }

    /**
     * Applies the records with {@code source} (import or API).
     *
     * @param path how a record's problems are located, with {@code %d} for its index (such as {@code row[%d]})
     */
    @Transactional
    public List<Result> apply(List<JsonNode> records, String path, TagSource source) {
        var results = new Result[records.size()];
        var parsed = new ArrayList<Parsed>();
        for (int i = 0; i < records.size(); i++) {
            var problems = new ArrayList<FieldProblem>();
            var record = parse(i, records.get(i), path.formatted(i), problems);
            if (record == null) {
                results[i] = new Result(i, "rejected", null, problems);
            } else {
                parsed.add(record);
            }
        }
        var customerOf = resolve(parsed, path, results);
        var tagOf = tagsByName(parsed, path, results, customerOf);
        // One call per (tag, action): the same path as the id-based API, with its visibility and merge rules.
        var byTag = new LinkedHashMap<String, List<Parsed>>();
        for (var record : parsed) {
            if (results[record.index()] == null) {
                byTag.computeIfAbsent(tagOf.get(record) + (record.remove() ? "-" : "+"), k -> new ArrayList<>())
                        .add(record);
            }
        }
        byTag.forEach((key, group) -> {
            int tag = tagOf.get(group.getFirst());
            boolean remove = group.getFirst().remove();
            var ids = group.stream().map(customerOf::get).toList();
            var before = carrying(tag, ids);
            var outcome = remove
                    ? tags.apply(ids, List.of(), List.of(tag), source)
                    : tags.apply(ids, List.of(tag), List.of(), source);
            var unknown = new HashSet<>(outcome.unknown());
            var seen = new HashSet<Long>();
            for (var record : group) {
                long id = customerOf.get(record);
                boolean first = seen.add(id); // a record repeated in one call changes nothing the second time
                results[record.index()] = unknown.contains(id)
                        ? new Result(
                                record.index(),
                                "rejected",
                                null,
                                List.of(new FieldProblem(
                                        path.formatted(record.index()) + ".customer", "event.customer.unknown")))
                        : new Result(
                                record.index(),
                                first && before.contains(id) == remove ? (remove ? "removed" : "added") : "unchanged",
                                id,
                                List.of());
            }
        });
        return List.of(results);
    }

    private static @Nullable Parsed parse(int index, JsonNode record, String at, List<FieldProblem> problems) {
        if (!record.isObject()) {
            problems.add(new FieldProblem(at, "tag.import.record"));
            return null;
        }
        var customer = CustomerRef.read(record.get("customer"), at + ".customer", problems);
        var group = text(record, "group", at, problems, false);
        var tag = text(record, "tag", at, problems, true);
        var action = record.path("action").asString("add").strip().toLowerCase(Locale.ROOT);
        if (!action.equals("add") && !action.equals("remove")) {
            problems.add(new FieldProblem(at + ".action", "tag.import.action"));
        }
        if (!problems.isEmpty() || customer == null || tag == null) {
            return null;
        }
        return new Parsed(index, customer, group, tag, action.equals("remove"));
    }

    private static @Nullable String text(
            JsonNode record, String field, String at, List<FieldProblem> problems, boolean required) {
        var node = record.get(field);
        var value = node == null || node.isNull() ? "" : node.asString("").strip();
        if (value.isEmpty() && !required) {
            return null;
        }
        if (value.isEmpty() || value.codePointCount(0, value.length()) > TagManagement.MAX_NAME) {
            problems.add(new FieldProblem(at + "." + field, "tag.name.length", TagManagement.MAX_NAME));
            return null;
        }
        return value;
    }

    /** The profile each record names; records whose customer is not known are refused (none is created). */
    private Map<Parsed, Long> resolve(List<Parsed> parsed, String path, Result[] results) {
        var keys = new LinkedHashSet<IdentityKey>();
        var ids = new HashSet<Long>();
        for (var record : parsed) {
            keys.addAll(record.customer().identities());
            if (record.customer().customerId() != null) {
                ids.add(record.customer().customerId());
            }
        }
        var known = keys.isEmpty() ? Map.<IdentityKey, Long>of() : customers.known(keys);
        var existing = customers.existing(ids);
        var customerOf = new HashMap<Parsed, Long>();
        for (var record : parsed) {
            var ref = record.customer();
            Long id = ref.customerId() != null
                    ? (existing.contains(ref.customerId()) ? ref.customerId() : null)
                    : ref.identities().stream()
                            .map(known::get)
                            .filter(java.util.Objects::nonNull)
                            .findFirst()
                            .orElse(null);
            if (id == null) {
                results[record.index()] = new Result(
                        record.index(),
                        "rejected",
                        null,
                        List.of(new FieldProblem(
                                path.formatted(record.index()) + ".customer", "event.customer.unknown")));
            } else {
                customerOf.put(record, id);
            }
        }
        return customerOf;
    }

    /**
     * The organisation tag each record names. Without a group the name must be unique; a named group and
     * tag that do not exist are created when the caller may manage tags.
     */
    private Map<Parsed, Integer> tagsByName(
            List<Parsed> parsed, String path, Result[] results, Map<Parsed, Long> customerOf) {
        var groups = new HashMap<String, Integer>();
        var inGroup = new HashMap<String, Integer>();
        var byName = new HashMap<String, List<Integer>>();
        var ruleTags = new HashMap<Integer, Long>();
        for (var group : tags.groups()) {
            groups.put(group.name(), group.id());
            for (var tag : group.tags()) {
                if (!tag.personal()) {
                    inGroup.put(group.name() + "\n" + tag.name(), tag.id());
                    byName.computeIfAbsent(tag.name(), k -> new ArrayList<>()).add(tag.id());
                }
                if (tag.segmentId() != null) {
                    ruleTags.put(tag.id(), tag.segmentId());
                }
            }
        }
        boolean mayCreate = CustomerScope.has(Permission.TAGS_MANAGE);
        var tagOf = new HashMap<Parsed, Integer>();
        for (var record : parsed) {
            if (!customerOf.containsKey(record)) {
                continue;
            }
            var at = path.formatted(record.index());
            Integer id;
            FieldProblem problem = null;
            if (record.group() == null) {
                var candidates = byName.getOrDefault(record.tag(), List.of());
                id = candidates.size() == 1 ? candidates.getFirst() : null;
                if (id == null) {
                    problem = new FieldProblem(
                            at + ".tag",
                            candidates.isEmpty() ? "tag.import.unknown" : "tag.import.ambiguous",
                            record.tag());
                }
            } else {
                id = inGroup.get(record.group() + "\n" + record.tag());
                if (id == null && record.remove()) {
                    problem = new FieldProblem(at + ".tag", "tag.import.unknown", record.tag());
                } else if (id == null && !mayCreate) {
                    problem = new FieldProblem(at + ".tag", "tag.import.create-forbidden", record.tag());
                } else if (id == null) {
                    int group = groups.computeIfAbsent(
                            record.group(),
                            name -> tags.createGroup(name, TagKind.ATTRIBUTE).id());
                    id = tags.createTag(group, record.tag(), false).id();
                    inGroup.put(record.group() + "\n" + record.tag(), id);
                    byName.computeIfAbsent(record.tag(), k -> new ArrayList<>()).add(id);
                }
            }
            if (id != null && ruleTags.containsKey(id)) {
                problem = new FieldProblem(
                        at + ".tag",
                        "tag.rule-managed",
                        record.tag(),
                        ruleTags.get(id).toString());
            }
            if (problem != null) {
                results[record.index()] = new Result(record.index(), "rejected", null, List.of(problem));
            } else {
                tagOf.put(record, id);
            }
        }
        return tagOf;
    }

    /** Which of these customers (their merged profiles included) carry the tag now. */
    private Set<Long> carrying(int tag, List<Long> ids) {
        return new HashSet<>(jdbc.sql("""
                        select c.id from customer c where c.id = any(?::bigint[]) and exists (
                          select 1 from customer p join customer_tag t on t.customer_id = p.id and t.tag_id = ?
                          where p.id = coalesce(c.survivor_id, c.id) or p.survivor_id = coalesce(c.survivor_id, c.id))
                        """)
                .params(ids.toArray(Long[]::new), tag)
                .query(Long.class)
                .list());
    }
}
