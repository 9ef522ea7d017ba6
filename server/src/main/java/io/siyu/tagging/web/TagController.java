package io.siyu.tagging.web;

import io.siyu.access.Permission;
import io.siyu.customer.CustomerScope;
import io.siyu.shared.CursorPage;
import io.siyu.shared.DomainException;
import io.siyu.shared.PageRequest;
import io.siyu.shared.problem.Problems;
import io.siyu.tagging.CustomerTag;
import io.siyu.tagging.NamedTagAssignments;
import io.siyu.tagging.Tag;
import io.siyu.tagging.TagCounter;
import io.siyu.tagging.TagGroup;
import io.siyu.tagging.TagHistoryEntry;
import io.siyu.tagging.TagKind;
import io.siyu.tagging.TagManagement;
import io.siyu.tagging.TagSource;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@io.swagger.v3.oas.annotations.tags.Tag(name = "Tags")
class TagController {

    record GroupBody(@Nullable String name, @Nullable String kind) {}

    record TagBody(
            @Nullable Integer groupId,
            @Nullable String name,
            @Nullable Boolean personal) {}

    record AssignmentBody(
            @Nullable List<Long> customerIds,
            @Nullable List<Integer> add,
            @Nullable List<Integer> remove) {}

    record TagView(
            int id,
            int groupId,
            String name,
            boolean personal,
            @Nullable Long ownerId,
            @Nullable Long segmentId,
            long customerCount,
            Instant createdAt) {}

    record GroupView(int id, String name, String kind, int position, List<TagView> tags) {}

    record AssignmentView(int added, int removed, List<Long> unknown) {}

    record NamedAssignmentBody(tools.jackson.databind.@Nullable JsonNode records) {}

    record NamedResult(
            int index,
            String status,
            @Nullable Long customerId,
            @Nullable List<Map<String, String>> errors) {}

    record NamedAssignmentView(int added, int removed, int unchanged, int rejected, List<NamedResult> results) {}

    record Person(long id, String name) {}

    record CustomerTagView(
            int tagId,
            String name,
            int groupId,
            String groupName,
            String kind,
            boolean personal,
            String source,
            Instant taggedAt,
            @Nullable Person taggedBy) {}

    record HistoryView(
            int tagId,
            String tagName,
            String groupName,
            String action,
            String source,
            @Nullable Person actor,
            Instant at) {}

    private final TagManagement tags;
    private final NamedTagAssignments named;
    private final Problems problems;
    private final ObjectProvider<TagCounter> counter;

    TagController(
            TagManagement tags, NamedTagAssignments named, Problems problems, ObjectProvider<TagCounter> counter) {
        this.tags = tags;
        this.named = named;
        this.problems = problems;
        this.counter = counter;
    }

    @GetMapping("/api/v1/tag-groups")
    @PreAuthorize("hasAuthority('" + Permission.TAGS_READ + "')")
    @Operation(
            summary = "Tag groups with their tags (the organisation's and the caller's personal ones) and how many"
                    + " customers carry each")
    List<GroupView> groups() {
        var counts = counts();
        return tags.groups().stream().map(g -> view(g, counts)).toList();
    }

    @PostMapping("/api/v1/tag-groups")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('" + Permission.TAGS_MANAGE + "')")
    @Operation(summary = "Create a tag group: {name (1-30), kind: followUp|source|attribute|product|content|campaign}")
    GroupView createGroup(@RequestBody GroupBody body) {
        return view(tags.createGroup(body.name() == null ? "" : body.name(), kind(body.kind())), counts());
    }

    @PatchMapping("/api/v1/tag-groups/{id}")
    @PreAuthorize("hasAuthority('" + Permission.TAGS_MANAGE + "')")
    @Operation(summary = "Rename a tag group or change its kind")
    GroupView updateGroup(@PathVariable int id, @RequestBody GroupBody body) {
        return view(tags.updateGroup(id, body.name(), body.kind() == null ? null : kind(body.kind())), counts());
    }

    @DeleteMapping("/api/v1/tag-groups/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('" + Permission.TAGS_MANAGE + "')")
    @Operation(summary = "Delete an empty tag group (409 while it has tags)")
    void deleteGroup(@PathVariable int id) {
        tags.deleteGroup(id);
    }

    @PostMapping("/api/v1/tags")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('" + Permission.TAGS_WRITE + "')")
    @Operation(
            summary = "Create a tag {groupId, name (1-30), personal}: an organisation tag needs tags:manage, a personal"
                    + " one (seen and used only by its owner) tags:write")
    TagView createTag(@RequestBody TagBody body) {
        boolean personal = Boolean.TRUE.equals(body.personal());
        if (!personal) {
            requireManage();
        }
        if (body.groupId() == null) {
            throw DomainException.invalid("groupId", "tag.group.required");
        }
        return view(tags.createTag(body.groupId(), body.name() == null ? "" : body.name(), personal), counts());
    }

    @PatchMapping("/api/v1/tags/{id}")
    @PreAuthorize("hasAuthority('" + Permission.TAGS_WRITE + "')")
    @Operation(summary = "Rename a tag or move it to another group")
    TagView updateTag(@PathVariable int id, @RequestBody TagBody body) {
        if (!tags.tag(id).personal()) {
            requireManage();
        }
        return view(tags.updateTag(id, body.name(), body.groupId()), counts());
    }

    @DeleteMapping("/api/v1/tags/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('" + Permission.TAGS_WRITE + "')")
    @Operation(summary = "Take a tag off every customer (the history keeps it) and delete it; rule tags answer 409")
    void deleteTag(@PathVariable int id) {
        if (!tags.tag(id).personal()) {
            requireManage();
        }
        tags.deleteTag(id);
    }

    @PostMapping("/api/v1/tags/assignments")
    @PreAuthorize("hasAuthority('" + Permission.TAGS_WRITE + "')")
    @Operation(
            summary = "Put tags on customers and take others off: {customerIds (1-10000), add, remove (tag ids, at most"
                    + " 100 each)}; answers how many (customer, tag) pairs changed and which ids are unknown")
    AssignmentView assign(@RequestBody AssignmentBody body) {
        var ids = body.customerIds() == null ? List.<Long>of() : body.customerIds();
        var add = body.add() == null ? List.<Integer>of() : body.add();
        var remove = body.remove() == null ? List.<Integer>of() : body.remove();
        if (ids.isEmpty() || ids.size() > TagManagement.MAX_CUSTOMERS) {
            throw DomainException.invalid("customerIds", "tag.assignment.customers", TagManagement.MAX_CUSTOMERS);
        }
        if (add.isEmpty() && remove.isEmpty()) {
            throw DomainException.invalid("add", "tag.assignment.empty");
        }
        if (add.size() > TagManagement.MAX_TAGS_PER_CALL || remove.size() > TagManagement.MAX_TAGS_PER_CALL) {
            throw DomainException.invalid(
                    add.size() > remove.size() ? "add" : "remove",
                    "tag.assignment.tags",
                    TagManagement.MAX_TAGS_PER_CALL);
        }
        var outcome = tags.apply(ids, add, remove, TagSource.MANUAL);
        return new AssignmentView(outcome.added(), outcome.removed(), outcome.unknown());
    }

    @PostMapping("/api/v1/tags/assignments/by-name")
    @PreAuthorize("hasAuthority('" + Permission.TAGS_WRITE + "')")
    @Operation(
            summary = "Put organisation tags on customers or take them off, naming each customer by an identity and"
                    + " each tag by group and name: {records: [{customer: {mobile | unionid | memberNo | ... |"
                    + " customerId}, group, tag, action: add | remove}]} (at most 1,000). Each record is added,"
                    + " removed, unchanged or rejected with its fields named; a missing group or tag is created when"
                    + " the caller has tags:manage; unknown customers are refused, never created.")
    NamedAssignmentView assignByName(@RequestBody NamedAssignmentBody body) {
        var records = body.records();
        if (records == null
                || !records.isArray()
                || records.isEmpty()
                || records.size() > NamedTagAssignments.MAX_RECORDS) {
            throw DomainException.invalid("records", "tag.import.records", NamedTagAssignments.MAX_RECORDS);
        }
        var list = new java.util.ArrayList<tools.jackson.databind.JsonNode>();
        records.forEach(list::add);
        var locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        var results = named.apply(list, "records[%d]", TagSource.API).stream()
                .map(r -> new NamedResult(
                        r.index(),
                        r.status(),
                        r.customerId(),
                        r.problems().isEmpty() ? null : problems.describe(r.problems(), locale)))
                .toList();
        return new NamedAssignmentView(
                count(results, "added"),
                count(results, "removed"),
                count(results, "unchanged"),
                count(results, "rejected"),
                results);
    }

    private static int count(List<NamedResult> results, String status) {
        return (int) results.stream().filter(r -> r.status().equals(status)).count();
    }

    @GetMapping("/api/v1/customers/{id}/tags")
    @PreAuthorize("hasAuthority('" + Permission.TAGS_READ + "') and hasAuthority('" + Permission.CUSTOMERS_READ + "')")
    @Operation(summary = "The tags a customer carries, with who or what set each and when")
    List<CustomerTagView> customerTags(@PathVariable long id) {
        return tags.tagsOf(id).stream().map(TagController::view).toList();
    }

    @GetMapping("/api/v1/customers/{id}/tag-history")
    @PreAuthorize("hasAuthority('" + Permission.TAGS_READ + "') and hasAuthority('" + Permission.CUSTOMERS_READ + "')")
    @Operation(summary = "Tags put on and taken off a customer, newest first (cursor paging)")
    CursorPage<HistoryView> history(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        var page = PageRequest.of(limit, cursor);
        var entries = tags.historyOf(id, page);
        var views = CursorPage.ofDescending(entries, page.limit(), TagHistoryEntry::id);
        return new CursorPage<>(views.items().stream().map(TagController::view).toList(), views.nextCursor());
    }

    // ---- views

    private Map<Integer, Long> counts() {
        var available = counter.getIfAvailable();
        return available == null ? Map.of() : available.counts();
    }

    private static GroupView view(TagGroup group, Map<Integer, Long> counts) {
        return new GroupView(
                group.id(),
                group.name(),
                group.kind().json(),
                group.position(),
                group.tags().stream().map(t -> view(t, counts)).toList());
    }

    private static TagView view(Tag tag, Map<Integer, Long> counts) {
        return new TagView(
                tag.id(),
                tag.groupId(),
                tag.name(),
                tag.personal(),
                tag.ownerId(),
                tag.segmentId(),
                counts.getOrDefault(tag.id(), 0L),
                tag.createdAt());
    }

    private static CustomerTagView view(CustomerTag t) {
        return new CustomerTagView(
                t.tag().id(),
                t.tag().name(),
                t.tag().groupId(),
                t.groupName(),
                t.kind().json(),
                t.tag().personal(),
                t.source().code(),
                t.taggedAt(),
                person(t.taggedById(), t.taggedByName()));
    }

    private static HistoryView view(TagHistoryEntry e) {
        return new HistoryView(
                e.tagId(),
                e.tagName(),
                e.groupName(),
                e.added() ? "added" : "removed",
                e.source().code(),
                person(e.actorId(), e.actorName()),
                e.at());
    }

    private static @Nullable Person person(@Nullable Long id, @Nullable String name) {
        return id == null || name == null ? null : new Person(id, name);
    }

    private static TagKind kind(@Nullable String kind) {
        return TagKind.parse(kind == null ? "" : kind)
                .orElseThrow(() -> DomainException.invalid("kind", "tag.group.kind", kind));
    }

    private static void requireManage() {
        if (!CustomerScope.has(Permission.TAGS_MANAGE)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "tag.manage.forbidden");
        }
    }
}
