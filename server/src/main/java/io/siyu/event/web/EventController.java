package io.siyu.event.web;

import io.siyu.access.Permission;
import io.siyu.event.EventIngestion;
import io.siyu.event.IngestResult;
import io.siyu.shared.DomainException;
import io.siyu.shared.FieldProblem;
import io.siyu.shared.problem.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/events")
@Tag(name = "Events")
class EventController {

    /** The request: {@code {"events": [ ... ]}}; records are read one by one so that one bad record fails alone. */
    record IngestRequest(@Nullable JsonNode events) {}

    /** One line per record, in request order. */
    record RecordResult(
            int index,
            String eventId,
            String status,
            @Nullable Long customerId,
            @Nullable List<Map<String, String>> errors) {}

    record IngestResponse(int accepted, int duplicates, int rejected, List<RecordResult> results) {}

    private final EventIngestion ingestion;
    private final Problems problems;

    EventController(EventIngestion ingestion, Problems problems) {
        this.ingestion = ingestion;
        this.problems = problems;
    }

    @PostMapping
    @PreAuthorize("hasAuthority('" + Permission.EVENTS_WRITE + "')")
    @Operation(
            summary = "Ingest a batch of events (at most 1,000). Each record is accepted, a duplicate of one"
                    + " already stored (same eventId and occurredAt), or rejected with its bad fields named; accepted"
                    + " records are durable before the response.")
    IngestResponse ingest(@RequestBody IngestRequest request) {
        var events = request.events();
        if (events == null || !events.isArray()) {
            throw new DomainException(
                    HttpStatus.BAD_REQUEST,
                    "problem.invalid-request",
                    List.of(new FieldProblem("events", "event.batch.not-array")));
        }
        var records = new ArrayList<JsonNode>(events.size());
        events.forEach(records::add);
        return respond(ingestion.ingest(records));
    }

    private IngestResponse respond(IngestResult result) {
        var locale = LocaleContextHolder.getLocale();
        var lines = new ArrayList<RecordResult>();
        result.accepted()
                .forEach(a -> lines.add(new RecordResult(a.index(), a.eventId(), "accepted", a.customerId(), null)));
        result.duplicates().forEach(d -> lines.add(new RecordResult(d.index(), d.eventId(), "duplicate", null, null)));
        result.rejected()
                .forEach(r -> lines.add(new RecordResult(
                        r.index(), r.eventId(), "rejected", null, problems.describe(r.problems(), locale))));
        lines.sort(Comparator.comparingInt(RecordResult::index));
        return new IngestResponse(
                result.accepted().size(),
                result.duplicates().size(),
                result.rejected().size(),
                lines);
    }
}
