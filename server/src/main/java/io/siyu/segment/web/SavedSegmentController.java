package io.siyu.segment.web;

import io.siyu.access.Permission;
import io.siyu.customer.CustomerDirectory;
import io.siyu.segment.SavedSegment;
import io.siyu.segment.SegmentManagement;
import io.siyu.shared.CursorPage;
import io.siyu.shared.DomainException;
import io.siyu.shared.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@Tag(name = "Segments")
class SavedSegmentController {

    static final int MAX_DAYS = 730;

    record SegmentBody(
            @Nullable String name,
            @Nullable String description,
            @Nullable JsonNode rule,
            @Nullable Integer tagId) {}

    record Person(long id, String name) {}

    record SegmentView(
            long id,
            String name,
            @Nullable String description,
            JsonNode rule,
            @Nullable Integer tagId,
            long size,
            boolean usesSql,
            Instant createdAt,
            Instant updatedAt,
            @Nullable Instant evaluatedAt,
            @Nullable Person createdBy) {}

    record TagBody(@Nullable List<Integer> add, @Nullable List<Integer> remove) {}

    private final SegmentManagement segments;
    private final CustomerDirectory customers;

    SavedSegmentController(SegmentManagement segments, CustomerDirectory customers) {
        this.segments = segments;
        this.customers = customers;
    }

    @GetMapping("/api/v1/segments")
    @PreAuthorize("hasAuthority('" + Permission.SEGMENTS_READ + "')")
    @Operation(summary = "Saved segments with their current size")
    List<SegmentView> list() {
        return segments.list().stream().map(SavedSegmentController::view).toList();
    }

    @PostMapping("/api/v1/segments")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('" + Permission.SEGMENTS_WRITE + "')")
    @Operation(
            summary =
                    "Save a segment {name (1-60), description (≤500), rule, tagId (a tag the segment keeps equal to its"
                            + " members)}; its members are kept current and who enters or leaves is published")
    SegmentView create(@RequestBody SegmentBody body) {
        return view(segments.create(text(body.name()), body.description(), body.rule(), body.tagId()));
    }

    @GetMapping("/api/v1/segments/{id}")
    @PreAuthorize("hasAuthority('" + Permission.SEGMENTS_READ + "')")
    @Operation(summary = "A saved segment")
    SegmentView get(@PathVariable long id) {
        return view(segments.get(id));
    }

    @PutMapping("/api/v1/segments/{id}")
    @PreAuthorize("hasAuthority('" + Permission.SEGMENTS_WRITE + "')")
    @Operation(summary = "Change a saved segment (same body as creating one)")
    SegmentView update(@PathVariable long id, @RequestBody SegmentBody body) {
        return view(segments.update(id, text(body.name()), body.description(), body.rule(), body.tagId()));
    }

    @DeleteMapping("/api/v1/segments/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('" + Permission.SEGMENTS_WRITE + "')")
    @Operation(summary = "Delete a saved segment; its rule tag becomes an ordinary tag")
    void delete(@PathVariable long id) {
        segments.delete(id);
    }

    @GetMapping("/api/v1/segments/{id}/members")
    @PreAuthorize("hasAuthority('" + Permission.SEGMENTS_READ + "')")
    @Operation(summary = "The current members by ascending id (cursor paging, limit 1-200)")
    CursorPage<Previews.Preview> members(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        int size = limit == null ? 20 : limit;
        if (size < 1 || size > 200) {
            throw DomainException.invalid("limit", "problem.page.limit", 1, 200);
        }
        var ids = segments.members(id, after(cursor), size);
        var next = ids.size() > size ? PageRequest.encode(ids.get(size - 1)) : null;
        return new CursorPage<>(Previews.of(customers, ids.subList(0, Math.min(size, ids.size()))), next);
    }

    @GetMapping("/api/v1/segments/{id}/sizes")
    @PreAuthorize("hasAuthority('" + Permission.SEGMENTS_READ + "')")
    @Operation(summary = "Size at the end of each of the last days (1-730, default 90), with how many entered and left")
    List<SegmentManagement.DailySize> sizes(
            @PathVariable long id, @RequestParam(required = false) @Nullable Integer days) {
        int count = days == null ? 90 : days;
        if (count < 1 || count > MAX_DAYS) {
            throw DomainException.invalid("days", "segment.days.range", MAX_DAYS);
        }
        return segments.sizes(id, count);
    }

    @PostMapping("/api/v1/segments/{id}/tags")
    @PreAuthorize("hasAuthority('" + Permission.TAGS_WRITE + "') and hasAuthority('" + Permission.SEGMENTS_READ + "')")
    @Operation(summary = "Put tags on everyone in the segment now and take others off: {add, remove}")
    SegmentManagement.Tagged tag(@PathVariable long id, @RequestBody TagBody body) {
        var add = body.add() == null ? List.<Integer>of() : body.add();
        var remove = body.remove() == null ? List.<Integer>of() : body.remove();
        if (add.isEmpty() && remove.isEmpty()) {
            throw DomainException.invalid("add", "tag.assignment.empty");
        }
        return segments.tagMembers(id, add, remove);
    }

    private static SegmentView view(SavedSegment s) {
        return new SegmentView(
                s.id(),
                s.name(),
                s.description(),
                s.rule(),
                s.tagId(),
                s.size(),
                s.usesSql(),
                s.createdAt(),
                s.updatedAt(),
                s.evaluatedAt(),
                s.createdById() == null || s.createdByName() == null
                        ? null
                        : new Person(s.createdById(), s.createdByName()));
    }

    private static String text(@Nullable String text) {
        return text == null ? "" : text;
    }

    private static long after(@Nullable String cursor) {
        return cursor == null || cursor.isBlank() ? -1 : PageRequest.decode(cursor);
    }
}
