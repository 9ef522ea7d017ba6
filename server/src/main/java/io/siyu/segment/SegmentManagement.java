package io.siyu.segment;

import io.siyu.access.Actor;
import io.siyu.shared.AfterCommit;
import io.siyu.shared.DomainException;
import io.siyu.shared.FieldProblem;
import io.siyu.shared.Tenancy;
import io.siyu.tagging.TagManagement;
import io.siyu.tagging.TagSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Saved segments: rules with a name whose members the engine keeps current, publishing who enters and
 * leaves ({@link SegmentMembershipChanged}); a segment may keep a rule tag equal to its members.
 */
@Service
public class SegmentManagement {

    public static final int MAX_NAME = 60;
    public static final int MAX_DESCRIPTION = 500;
    /** Every saved segment is evaluated after each change, so a tenant keeps a bounded number of them. */
    public static final int MAX_SEGMENTS = 200;

    private static final int TAG_CHUNK = TagManagement.MAX_CUSTOMERS;

    /** One day of a segment's size chart. */
    public record DailySize(LocalDate day, long size, long entered, long exited) {}

    /** What tagging a segment's members changed. */
    public record Tagged(long customers, long added, long removed) {}

    private final Segments segments;
    private final SegmentEngine engine;
    private final MembershipTracker tracker;
    private final TagManagement tags;

    private final org.springframework.transaction.support.TransactionTemplate transactions;

    SegmentManagement(
            Segments segments,
            SegmentEngine engine,
            MembershipTracker tracker,
            TagManagement tags,
            org.springframework.transaction.support.TransactionTemplate transactions) {
        this.transactions = transactions;
        this.segments = segments;
        this.engine = engine;
        this.tracker = tracker;
        this.tags = tags;
    }

    @Transactional(readOnly = true)
    public List<SavedSegment> list() {
        return segments.all();
    }

    @Transactional(readOnly = true)
    public SavedSegment get(long id) {
        return segments.find(id).orElseThrow(() -> DomainException.notFound("segment", id));
    }

    @Transactional
    public SavedSegment create(
            String name, @Nullable String description, @Nullable JsonNode rule, @Nullable Integer tagId) {
        var checked = check(name, description, rule);
        if (segments.all().size() >= MAX_SEGMENTS) {
            throw new DomainException(HttpStatus.CONFLICT, "segment.limit", MAX_SEGMENTS);
        }
        var actor = Actor.current();
        long id;
        try {
            id = segments.insert(
                    checked,
                    blankToNull(description),
                    Objects.requireNonNull(rule).toString(),
                    tagId,
                    actor.map(Actor::accountId).orElse(null),
                    actor.map(Actor::name).orElse(null));
        } catch (DuplicateKeyException e) {
            throw taken(checked);
        }
        if (tagId != null) {
            tags.keepBy(tagId, id);
        }
        reloadAfterCommit();
        return get(id);
    }

    /** Changes a segment; members that enter or leave under the new rule are published like any change. */
    @Transactional
    public SavedSegment update(
            long id, String name, @Nullable String description, @Nullable JsonNode rule, @Nullable Integer tagId) {
        var before = get(id);
        var checked = check(name, description, rule);
        try {
            segments.update(
                    id,
                    checked,
                    blankToNull(description),
                    Objects.requireNonNull(rule).toString(),
                    tagId);
        } catch (DuplicateKeyException e) {
            throw taken(checked);
        }
        if (!Objects.equals(before.tagId(), tagId)) {
            if (before.tagId() != null) {
                tags.keepBy(before.tagId(), null);
            }
            if (tagId != null) {
                tags.keepBy(tagId, id);
            }
        }
        reloadAfterCommit();
        return get(id);
    }

    /** Deletes a segment; its rule tag becomes an ordinary tag and keeps its customers. */
    @Transactional
    public void delete(long id) {
        var segment = get(id);
        if (segment.tagId() != null) {
            tags.keepBy(segment.tagId(), null);
        }
        segments.delete(id);
        reloadAfterCommit();
    }

    /** The definitions rules refer to (layers) changed: saved segments are read and evaluated again. */
    public void definitionsChanged() {
        reloadAfterCommit();
    }

    /** The current members, ascending. */
    public RoaringBitmap members(long id) {
        var tracked = tracker.members(Tenancy.required(), id);
        if (tracked != null && transactions.execute(status -> segments.find(id).isPresent())) {
            return tracked;
        }
        // Its own transaction: callers may hold none, and without one row-level security shows no segment.
        var segment = transactions.execute(status -> get(id));
        return engine.evaluate(
                        engine.parse(java.util.Objects.requireNonNull(segment).rule()))
                .members();
    }

    /** A page of members after {@code after} (exclusive), ascending; with one more id when another page follows. */
    public List<Long> members(long id, long after, int limit) {
        var page = new ArrayList<Long>(limit + 1);
        if (after >= Integer.MAX_VALUE) {
            return page;
        }
        var iterator = members(id).getIntIterator();
        iterator.advanceIfNeeded((int) Math.max(0, after + 1));
        while (iterator.hasNext() && page.size() <= limit) {
            page.add((long) iterator.next());
        }
        return page;
    }

    /** Sizes for the last {@code days} days (today included), a day without changes carrying the last size. */
    @Transactional(readOnly = true)
    public List<DailySize> sizes(long id, int days) {
        get(id);
        var today = LocalDate.now(java.time.Clock.system(engine.zone()));
        var from = today.minusDays(days - 1L);
        var recorded = new java.util.HashMap<LocalDate, Segments.Size>();
        segments.sizes(id, from).forEach(size -> recorded.put(size.day(), size));
        Long last = segments.sizeBefore(id, from).orElse(null);
        var sizes = new ArrayList<DailySize>();
        for (var day = from; !day.isAfter(today); day = day.plusDays(1)) {
            var size = recorded.get(day);
            if (size != null) {
                last = size.size();
                sizes.add(new DailySize(day, size.size(), size.entered(), size.exited()));
            } else if (last != null) {
                sizes.add(new DailySize(day, last, 0, 0));
            }
        }
        return sizes;
    }

    /** Puts tags on every member and takes others off, in chunks of {@value TagManagement#MAX_CUSTOMERS}. */
    public Tagged tagMembers(long id, List<Integer> add, List<Integer> remove) {
        var members = members(id);
        long added = 0;
        long removed = 0;
        var chunk = new ArrayList<Long>(TAG_CHUNK);
        var it = members.getIntIterator();
        while (it.hasNext()) {
            chunk.add((long) it.next());
            if (chunk.size() == TAG_CHUNK || !it.hasNext()) {
                var outcome = tags.apply(chunk, add, remove, TagSource.MANUAL);
                added += outcome.added();
                removed += outcome.removed();
                chunk.clear();
            }
        }
        return new Tagged(members.getLongCardinality(), added, removed);
    }

    private String check(String name, @Nullable String description, @Nullable JsonNode rule) {
        var problems = new ArrayList<FieldProblem>();
        var stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty() || stripped.codePointCount(0, stripped.length()) > MAX_NAME) {
            problems.add(new FieldProblem("name", "segment.name.length", MAX_NAME));
        }
        if (description != null && description.codePointCount(0, description.length()) > MAX_DESCRIPTION) {
            problems.add(new FieldProblem("description", "segment.description.length", MAX_DESCRIPTION));
        }
        if (!problems.isEmpty()) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "problem.invalid-request", problems);
        }
        engine.parse(rule);
        return stripped;
    }

    private void reloadAfterCommit() {
        var tenant = Tenancy.required();
        AfterCommit.collect(this, () -> tenant, t -> {}, tracker::reload);
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static DomainException taken(String name) {
        return new DomainException(
                HttpStatus.CONFLICT,
                "problem.invalid-request",
                List.of(new FieldProblem("name", "segment.name-taken", name)));
    }
}
