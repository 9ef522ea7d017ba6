package io.siyu.event.web;

import io.siyu.access.Permission;
import io.siyu.event.EventCatalog;
import io.siyu.event.EventStatistics;
import io.siyu.event.PropertySpec;
import io.siyu.shared.problem.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/event-types")
@Tag(name = "Events")
class EventTypeController {

    record Property(
            String name,
            String kind,
            boolean required,
            @Nullable Integer maxLength,
            List<String> values) {}

    record DailyCount(LocalDate date, long count) {}

    record EventTypeView(
            String name,
            int code,
            boolean builtIn,
            String displayName,
            List<Property> properties,
            long last30Days,
            List<DailyCount> daily) {}

    private final EventCatalog catalog;
    private final EventStatistics statistics;
    private final Problems problems;
    private final Clock clock;

    EventTypeController(EventCatalog catalog, EventStatistics statistics, Problems problems, Clock clock) {
        this.catalog = catalog;
        this.statistics = statistics;
        this.problems = problems;
        this.clock = clock;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('" + Permission.EVENTS_READ + "')")
    @Operation(
            summary = "The event catalog: every type a client may send, its property schema, and its daily"
                    + " volume over the last 30 days (UTC days)")
    List<EventTypeView> list() {
        var since = clock.instant().minus(Duration.ofDays(30));
        var daily = new TreeMap<String, List<DailyCount>>();
        statistics
                .dailyByType(since, "UTC")
                .forEach(d -> daily.computeIfAbsent(d.type().apiName(), k -> new ArrayList<>())
                        .add(new DailyCount(d.date(), d.count())));
        var locale = LocaleContextHolder.getLocale();
        return catalog.all().stream()
                .map(type -> {
                    var days = daily.getOrDefault(type.name(), List.of());
                    return new EventTypeView(
                            type.name(),
                            type.code(),
                            type.builtIn(),
                            problems.text("event.type-name." + type.name(), new Object[0], locale),
                            properties(type.properties()),
                            days.stream().mapToLong(DailyCount::count).sum(),
                            days);
                })
                .toList();
    }

    private static List<Property> properties(Map<String, PropertySpec> specs) {
        return specs.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> new Property(
                        e.getKey(),
                        e.getValue().kind().name().toLowerCase(Locale.ROOT),
                        e.getValue().required(),
                        e.getValue().maxLength(),
                        e.getValue().values()))
                .sorted(Comparator.comparing(Property::required).reversed())
                .toList();
    }
}
