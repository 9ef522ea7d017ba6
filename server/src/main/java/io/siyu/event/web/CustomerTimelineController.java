package io.siyu.event.web;

import io.siyu.access.Permission;
import io.siyu.customer.CustomerScope;
import io.siyu.event.CustomerTimeline;
import io.siyu.shared.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

@RestController
@Tag(name = "Customers")
class CustomerTimelineController {

    record EntryView(
            String eventId,
            String type,
            java.time.Instant occurredAt,
            @Nullable JsonNode properties,
            long customerId) {}

    record TimelinePage(
            java.util.List<EntryView> items, @Nullable String nextCursor) {}

    private final CustomerScope scope;
    private final CustomerTimeline timeline;
    private final ObjectMapper json;

    CustomerTimelineController(CustomerScope scope, CustomerTimeline timeline, ObjectMapper json) {
        this.scope = scope;
        this.timeline = timeline;
        this.json = json;
    }

    @GetMapping("/api/v1/customers/{id}/events")
    @PreAuthorize("hasAuthority('" + Permission.CUSTOMERS_READ + "')")
    @Operation(
            summary = "A customer's events, newest first, including those of profiles merged into it (cursor paging)")
    TimelinePage events(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        var page = PageRequest.of(limit, null);
        var result = timeline.of(scope.visibleGroup(id), page.limit(), cursor);
        return new TimelinePage(
                result.items().stream()
                        .map(e -> new EntryView(
                                e.eventId(),
                                e.type(),
                                e.occurredAt(),
                                e.properties() == null ? null : json.readTree(e.properties()),
                                e.customerId()))
                        .toList(),
                result.nextCursor());
    }
}
