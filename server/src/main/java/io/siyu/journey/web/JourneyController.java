package io.siyu.journey.web;

import io.siyu.access.Permission;
import io.siyu.journey.JourneyStats;
import io.siyu.journey.Journeys;
import io.siyu.shared.CursorPage;
import io.siyu.shared.PageRequest;
import io.siyu.shared.problem.Problems;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
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

@RestController
@PreAuthorize("hasAuthority('" + Permission.JOURNEYS_READ + "')")
class JourneyController {

    private final Journeys journeys;
    private final JourneyStats stats;
    private final Problems problems;

    JourneyController(Journeys journeys, JourneyStats stats, Problems problems) {
        this.journeys = journeys;
        this.stats = stats;
        this.problems = problems;
    }

    @GetMapping("/api/v1/journeys")
    @Operation(summary = "Journeys (旅程/SOP), newest first")
    CursorPage<Journeys.Journey> list(
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        return journeys.list(PageRequest.of(limit, cursor));
    }

    @PostMapping("/api/v1/journeys")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('" + Permission.JOURNEYS_WRITE + "')")
    @Operation(summary = "A draft journey: {name, description?, definition?} or {name?, template}")
    Journeys.Journey create(@RequestBody Journeys.Input body) {
        return journeys.create(body);
    }

    @GetMapping("/api/v1/journeys/{id}")
    @Operation(summary = "A journey: its draft definition, versions and summary")
    Journeys.Journey get(@PathVariable long id) {
        return journeys.get(id);
    }

    @PutMapping("/api/v1/journeys/{id}")
    @PreAuthorize("hasAuthority('" + Permission.JOURNEYS_WRITE + "')")
    @Operation(summary = "Save the draft {name, description, definition}; nothing is checked until publishing")
    Journeys.Journey update(@PathVariable long id, @RequestBody Journeys.Input body) {
        return journeys.update(id, body);
    }

    @DeleteMapping("/api/v1/journeys/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('" + Permission.JOURNEYS_WRITE + "')")
    @Operation(summary = "Delete a journey that was never published (409 otherwise: stop it instead)")
    void delete(@PathVariable long id) {
        journeys.delete(id);
    }

    @PostMapping("/api/v1/journeys/{id}/validate")
    @PreAuthorize("hasAuthority('" + Permission.JOURNEYS_WRITE + "')")
    @Operation(summary = "What publishing the draft would refuse: {problems: [{field, code, message}]}")
    Map<String, List<Map<String, String>>> validate(@PathVariable long id) {
        return Map.of("problems", problems.describe(journeys.validate(id), LocaleContextHolder.getLocale()));
    }

    @PostMapping("/api/v1/journeys/{id}/publish")
    @PreAuthorize("hasAuthority('" + Permission.JOURNEYS_WRITE + "')")
    @Operation(summary = "Publish the draft as the next version and start (or go on with) the journey")
    Journeys.Journey publish(@PathVariable long id) {
        return journeys.publish(id);
    }

    @PostMapping("/api/v1/journeys/{id}/pause")
    @PreAuthorize("hasAuthority('" + Permission.JOURNEYS_WRITE + "')")
    @Operation(summary = "Hold entries and steps until resumed")
    Journeys.Journey pause(@PathVariable long id) {
        return journeys.pause(id);
    }

    @PostMapping("/api/v1/journeys/{id}/resume")
    @PreAuthorize("hasAuthority('" + Permission.JOURNEYS_WRITE + "')")
    @Operation(summary = "Go on with a paused journey; steps that fell due meanwhile run now")
    Journeys.Journey resume(@PathVariable long id) {
        return journeys.resume(id);
    }

    @PostMapping("/api/v1/journeys/{id}/stop")
    @PreAuthorize("hasAuthority('" + Permission.JOURNEYS_WRITE + "')")
    @Operation(summary = "End the journey: every customer in it exits")
    Journeys.Journey stop(@PathVariable long id) {
        return journeys.stop(id);
    }

    @GetMapping("/api/v1/journeys/{id}/stats")
    @Operation(summary = "Totals, per-step counts and the last 48 hours, for a version or all")
    JourneyStats.Stats stats(@PathVariable long id, @RequestParam(required = false) @Nullable Integer version) {
        return stats.of(id, version);
    }

    @GetMapping("/api/v1/journeys/{id}/runs")
    @Operation(summary = "Customers in the journey, newest first, by state and step")
    CursorPage<JourneyStats.RunView> runs(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(required = false) @Nullable String step,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        return stats.runs(id, state, step, PageRequest.of(limit, cursor));
    }

    @GetMapping("/api/v1/journey-templates")
    @Operation(summary = "Ready-made journeys from the seed articles, in the caller's language")
    List<Journeys.TemplateView> templates() {
        return journeys.templates();
    }

    @GetMapping("/api/v1/customers/{id}/journeys")
    @Operation(summary = "The journeys a customer entered, with the steps passed")
    List<JourneyStats.Path> customer(@PathVariable long id) {
        return stats.pathsOf(id);
    }
}
