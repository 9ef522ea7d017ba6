package io.siyu.transfer;

import de.siegmar.fastcsv.writer.CsvWriter;
import io.siyu.access.TenantManagement;
import io.siyu.commerce.Orders;
import io.siyu.customer.AttributeDefinition;
import io.siyu.customer.CustomerAttributes;
import io.siyu.customer.CustomerBatch;
import io.siyu.event.EventIngestion;
import io.siyu.shared.DomainException;
import io.siyu.shared.FieldProblem;
import io.siyu.shared.Tenancy;
import io.siyu.shared.problem.Problems;
import io.siyu.tagging.NamedTagAssignments;
import io.siyu.tagging.TagSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Imports: upload a file (its header and first rows come back with a suggested mapping), try the mapping
 * on the first rows (a dry run: written and rolled back), then run the whole file in the background, in
 * chunks that each commit, with progress and a downloadable error report. Rows go through the same
 * services as the API; a re-import of the same file changes nothing.
 */
@Service
public class ImportJobs {

    public static final int PREVIEW_ROWS = 5;
    public static final int DRY_RUN_ROWS = 20;
    static final int CHUNK = 500;
    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

    /** What an upload shows before anything is imported. */
    public record Preview(
            Job job,
            List<String> header,
            List<List<String>> sample,
            Map<String, String> suggested,
            List<String> fields) {}

    /** One row's fate: written (created, updated, duplicate, ...) or rejected with its problems. */
    public record RowResult(long row, String status, List<FieldProblem> problems) {}

    private final Jobs jobs;
    private final CustomerBatch customers;
    private final CustomerAttributes attributes;
    private final Orders orders;
    private final EventIngestion events;
    private final NamedTagAssignments tags;
    private final TenantManagement tenants;
    private final Problems problems;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    /** At most two imports or exports run at once per server, so that they cannot starve the API. */
    static final Semaphore RUNNING = new Semaphore(2);

    ImportJobs(
            Jobs jobs,
            CustomerBatch customers,
            CustomerAttributes attributes,
            Orders orders,
            EventIngestion events,
            NamedTagAssignments tags,
            TenantManagement tenants,
            Problems problems,
            TransactionTemplate transactions,
            ObjectMapper json) {
        this.jobs = jobs;
        this.customers = customers;
        this.attributes = attributes;
        this.orders = orders;
        this.events = events;
        this.tags = tags;
        this.tenants = tenants;
        this.problems = problems;
        this.transactions = transactions;
        this.json = json;
    }

    public Preview upload(Entity entity, String fileName, InputStream content, String actor) {
        var name = fileName.isBlank() ? "import" : fileName.strip();
        long id = jobs.create("import", entity, "csv", null, name, actor);
        var input = jobs.file(id, "input");
        try {
            Files.copy(content, input, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var file = TabularFile.open(input);
        var rows = new ArrayList<List<String>>();
        long[] count = {0};
        file.read(row -> {
            if (rows.size() <= PREVIEW_ROWS) {
                rows.add(row);
            }
            count[0]++;
        });
        if (rows.isEmpty()) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "transfer.file.empty");
        }
        transactions.executeWithoutResult(
                s -> jobs.formatOf(id, file.format().name().toLowerCase(Locale.ROOT), file.encoding()));
        jobs.total(id, count[0] - 1);
        var header = rows.getFirst();
        var definitions = attributes.all();
        return new Preview(
                jobs.get(id, "import"),
                header,
                rows.subList(1, rows.size()),
                RowMapper.suggest(entity, header, definitions),
                fields(entity, definitions));
    }

    /** Runs the mapping on the first rows and rolls everything back. */
    public List<RowResult> dryRun(long id, Map<String, String> mapping) {
        var job = jobs.get(id, "import");
        var plan = plan(job, mapping);
        var rows = TabularFile.open(jobs.file(id, "input"), job.encoding()).head(DRY_RUN_ROWS + 1);
        var results = new ArrayList<RowResult>();
        transactions.executeWithoutResult(status -> {
            results.addAll(process(plan, rows.subList(1, rows.size()), 2));
            status.setRollbackOnly();
        });
        return results;
    }

    /** Starts the import in the background; progress shows on the job. */
    public Job start(long id, Map<String, String> mapping) {
        var job = jobs.get(id, "import");
        var plan = plan(job, mapping);
        if (!jobs.begin(id, mapping, job.totalRows())) {
            throw new DomainException(HttpStatus.CONFLICT, "transfer.job.running", id);
        }
        var tenant = Tenancy.required();
        var security = SecurityContextHolder.getContext();
        var locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        executor.submit(() -> {
            SecurityContextHolder.setContext(security);
            try {
                RUNNING.acquire();
                Tenancy.runAs(tenant, () -> run(id, plan, locale));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.error("import {} failed", id, e);
                Tenancy.runAs(tenant, () -> jobs.finish(id, false, e.getMessage()));
            } finally {
                RUNNING.release();
                SecurityContextHolder.clearContext();
            }
        });
        return jobs.get(id, "import");
    }

    public Job get(long id) {
        return jobs.get(id, "import");
    }

    public io.siyu.shared.CursorPage<Job> list(io.siyu.shared.PageRequest page) {
        return jobs.list("import", page);
    }

    /** The error report of a finished or running import (CSV, UTF-8 with a byte order mark for Excel). */
    public Path errorReport(long id) {
        jobs.get(id, "import");
        var report = jobs.file(id, "errors.csv");
        if (!Files.exists(report)) {
            throw DomainException.notFound("import-errors", id);
        }
        return report;
    }

    private record Plan(
            Entity entity,
            RowMapper mapper,
            Map<Integer, String> headerOf,
            Map<String, Integer> fields,
            @Nullable String encoding) {}

    private Plan plan(Job job, Map<String, String> mapping) {
        var entity = Entity.fromCode(job.entity()).orElseThrow();
        var header = TabularFile.open(jobs.file(job.id(), "input"), job.encoding())
                .head(1)
                .getFirst();
        var definitions = attributes.all();
        var allowed = fields(entity, definitions);
        var byField = new LinkedHashMap<String, Integer>();
        var headerOf = new LinkedHashMap<Integer, String>();
        var bad = new ArrayList<FieldProblem>();
        mapping.forEach((column, field) -> {
            int index = header.indexOf(column);
            if (index < 0) {
                bad.add(new FieldProblem("mapping." + column, "transfer.mapping.column", column));
            } else if (field == null || field.isBlank()) {
                return;
            } else if (!allowed.contains(field) && !(entity == Entity.EVENTS && field.startsWith("properties."))) {
                bad.add(new FieldProblem("mapping." + column, "transfer.mapping.field", field));
            } else if (byField.put(field, index) != null) {
                bad.add(new FieldProblem("mapping." + column, "transfer.mapping.twice", field));
            } else {
                headerOf.put(index, column);
            }
        });
        var required = switch (entity) {
            case CUSTOMERS -> List.<String>of();
            case ORDERS -> List.of("orderNo", "placedAt", "sku");
            case EVENTS -> List.of("eventId", "type", "occurredAt");
            case TAGS -> List.of("tag");
        };
        for (var field : required) {
            if (!byField.containsKey(field)) {
                bad.add(new FieldProblem("mapping", "transfer.mapping.required", field));
            }
        }
        if (!bad.isEmpty()) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "problem.invalid-request", bad);
        }
        var zone = ZoneId.of(tenants.current().timeZone());
        return new Plan(
                entity, new RowMapper(entity, byField, zone, json, definitions), headerOf, byField, job.encoding());
    }

    private void run(long id, Plan plan, Locale locale) {
        var report = jobs.file(id, "errors.csv");
        long[] counts = new long[3];
        try (Writer out = Files.newBufferedWriter(report, StandardCharsets.UTF_8);
                var csv = CsvWriter.builder().build(out)) {
            out.write('\uFEFF');
            csv.writeRecord(
                    locale.getLanguage().equals("en") ? List.of("Row", "Field", "Error") : List.of("行号", "字段", "错误"));
            var chunk = new ArrayList<List<String>>();
            long[] firstRow = {2};
            boolean[] header = {true};
            TabularFile.open(jobs.file(id, "input"), plan.encoding()).read(row -> {
                if (header[0]) {
                    header[0] = false;
                    return;
                }
                // An order's rows stay together in one chunk.
                if (chunk.size() >= CHUNK && !sameOrder(plan, chunk.getLast(), row)) {
                    flush(id, plan, chunk, firstRow[0], counts, csv, locale);
                    firstRow[0] += chunk.size();
                    chunk.clear();
                }
                chunk.add(row);
            });
            flush(id, plan, chunk, firstRow[0], counts, csv, locale);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jobs.finish(id, true, null);
        log.info("import {} done: {} rows, {} accepted, {} rejected", id, counts[0], counts[1], counts[2]);
    }

    private boolean sameOrder(Plan plan, List<String> previous, List<String> row) {
        return plan.entity() == Entity.ORDERS
                && Objects.equals(plan.mapper().orderNo(previous), plan.mapper().orderNo(row));
    }

    private void flush(
            long id, Plan plan, List<List<String>> chunk, long firstRow, long[] counts, CsvWriter csv, Locale locale) {
        if (chunk.isEmpty()) {
            return;
        }
        var results = transactions.execute(status -> process(plan, chunk, firstRow));
        for (var result : Objects.requireNonNull(results)) {
            if (result.status().equals("rejected")) {
                counts[2]++;
                var row = chunk.get((int) (result.row() - firstRow));
                for (var problem : problems.describe(result.problems(), locale)) {
                    csv.writeRecord(
                            String.valueOf(result.row()),
                            column(plan, problem.get("field"), row),
                            problem.get("message"));
                }
            } else {
                counts[1]++;
            }
        }
        counts[0] += chunk.size();
        jobs.progress(id, counts[0], counts[1], counts[2]);
    }

    /** Writes rows (in the caller's transaction); {@code firstRow} is the file row number of the first. */
    private List<RowResult> process(Plan plan, List<List<String>> rows, long firstRow) {
        var results = new ArrayList<RowResult>();
        switch (plan.entity()) {
            case CUSTOMERS -> {
                var records = rows.stream()
                        .map(r -> (JsonNode) plan.mapper().record(r))
                        .toList();
                for (var outcome : customers.upsert(records, "row[%d]", actorName(), false)) {
                    results.add(new RowResult(
                            firstRow + outcome.index(),
                            outcome.written() == null
                                    ? "rejected"
                                    : outcome.written().status(),
                            outcome.problems()));
                }
            }
            case EVENTS -> {
                var records = rows.stream()
                        .map(r -> (JsonNode) plan.mapper().record(r))
                        .toList();
                var outcome = events.ingest(records);
                outcome.accepted().forEach(a -> results.add(new RowResult(firstRow + a.index(), "created", List.of())));
                outcome.duplicates()
                        .forEach(d -> results.add(new RowResult(firstRow + d.index(), "duplicate", List.of())));
                outcome.rejected()
                        .forEach(r -> results.add(new RowResult(firstRow + r.index(), "rejected", r.problems())));
                results.sort(java.util.Comparator.comparingLong(RowResult::row));
            }
            case TAGS -> {
                var records = rows.stream()
                        .map(r -> (JsonNode) plan.mapper().record(r))
                        .toList();
                for (var outcome : tags.apply(records, "row[%d]", TagSource.IMPORT)) {
                    results.add(new RowResult(firstRow + outcome.index(), outcome.status(), outcome.problems()));
                }
            }
            case ORDERS -> {
                var groups = new ArrayList<List<List<String>>>();
                var starts = new ArrayList<Long>();
                for (int i = 0; i < rows.size(); i++) {
                    if (groups.isEmpty() || !sameOrder(plan, groups.getLast().getLast(), rows.get(i))) {
                        groups.add(new ArrayList<>());
                        starts.add(firstRow + i);
                    }
                    groups.getLast().add(rows.get(i));
                }
                var records = groups.stream()
                        .map(g -> (JsonNode) plan.mapper().order(g))
                        .toList();
                for (var outcome : orders.ingest(records, "row[%d]", actorName(), false)) {
                    long start = starts.get(outcome.index());
                    for (int line = 0; line < groups.get(outcome.index()).size(); line++) {
                        results.add(new RowResult(
                                start + line, outcome.status(), line == 0 ? outcome.problems() : List.of()));
                    }
                }
            }
        }
        return results;
    }

    /** The column a problem is about, by its header, when the problem names a mapped field. */
    private static String column(Plan plan, @Nullable String path, List<String> row) {
        if (path == null) {
            return "";
        }
        var field = plan.mapper().fieldOf(path.replaceFirst("^(row|events)\\[\\d+]\\.?", ""), row);
        var index = plan.fields().get(field);
        return index == null ? field : plan.headerOf().getOrDefault(index, field);
    }

    private static String actorName() {
        return io.siyu.access.Actor.currentName();
    }

    static List<String> fields(Entity entity, List<AttributeDefinition> definitions) {
        var fields = new ArrayList<>(RowMapper.FIELDS.get(entity));
        if (entity == Entity.CUSTOMERS) {
            definitions.forEach(d -> fields.add("attr." + d.key()));
        }
        return fields;
    }
}
