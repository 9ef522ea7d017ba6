package io.siyu.transfer;

import de.siegmar.fastcsv.writer.CsvWriter;
import io.siyu.access.AccountManagement;
import io.siyu.customer.AttributeDefinition;
import io.siyu.customer.Cities;
import io.siyu.customer.CustomerAttributes;
import io.siyu.customer.CustomerDirectory;
import io.siyu.customer.CustomerQuery;
import io.siyu.customer.CustomerSummary;
import io.siyu.shared.CursorPage;
import io.siyu.shared.DomainException;
import io.siyu.shared.PageRequest;
import io.siyu.shared.Tenancy;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Exports a customer list (any search of the list page) to CSV or XLSX in the background, page by page,
 * so that a list of millions neither holds a transaction open nor fills memory.
 */
@Service
public class ExportJobs {

    static final int PAGE = 1_000;
    private static final Logger log = LoggerFactory.getLogger(ExportJobs.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Jobs jobs;
    private final CustomerDirectory directory;
    private final CustomerAttributes attributes;
    private final AccountManagement accounts;
    private final io.siyu.access.TenantManagement tenants;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    ExportJobs(
            Jobs jobs,
            CustomerDirectory directory,
            CustomerAttributes attributes,
            AccountManagement accounts,
            io.siyu.access.TenantManagement tenants) {
        this.jobs = jobs;
        this.directory = directory;
        this.attributes = attributes;
        this.accounts = accounts;
        this.tenants = tenants;
    }

    /** Which customers an export writes, a page at a time. */
    private interface Source {
        long total();

        CursorPage<CustomerSummary> page(@Nullable String cursor);
    }

    /** Exports the customers a search finds. */
    public Job start(CustomerQuery query, String format, String actor) {
        var source = new Source() {
            @Override
            public long total() {
                return directory.count(query);
            }

            @Override
            public CursorPage<CustomerSummary> page(@Nullable String cursor) {
                return directory.search(query, PAGE, cursor);
            }
        };
        return start(source, "customers-", "客户-", format, actor);
    }

    /** Exports the given customers (a segment's members), in the order given. */
    public Job start(long[] ids, String name, String format, String actor) {
        var source = new Source() {
            @Override
            public long total() {
                return ids.length;
            }

            @Override
            public CursorPage<CustomerSummary> page(@Nullable String cursor) {
                int from = cursor == null ? 0 : Integer.parseInt(cursor);
                int to = Math.min(ids.length, from + PAGE);
                var page = new ArrayList<Long>(to - from);
                for (int i = from; i < to; i++) {
                    page.add(ids[i]);
                }
                return new CursorPage<>(directory.summaries(page), to < ids.length ? String.valueOf(to) : null);
            }
        };
        var safe = name.replaceAll("[\\\\/:*?\"<>|\\s]+", "_") + "-";
        return start(source, safe, safe, format, actor);
    }

    private Job start(Source source, String prefixEn, String prefixZh, String format, String actor) {
        if (!format.equals("csv") && !format.equals("xlsx")) {
            throw new DomainException(
                    HttpStatus.BAD_REQUEST,
                    "problem.invalid-request",
                    List.of(new io.siyu.shared.FieldProblem("format", "transfer.format.invalid")));
        }
        var locale = LocaleContextHolder.getLocale();
        var name = (locale.getLanguage().equals("en") ? prefixEn : prefixZh)
                + java.time.LocalDate.now(ZoneId.of(tenants.current().timeZone())) + "." + format;
        long id = jobs.create("export", Entity.CUSTOMERS, format, null, name, actor);
        jobs.begin(id, java.util.Map.of(), source.total());
        var tenant = Tenancy.required();
        var security = SecurityContextHolder.getContext();
        var zone = ZoneId.of(tenants.current().timeZone());
        executor.submit(() -> {
            SecurityContextHolder.setContext(security);
            try {
                ImportJobs.RUNNING.acquire();
                Tenancy.runAs(tenant, () -> {
                    write(id, source, format, locale, zone);
                    jobs.finish(id, true, null);
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.error("export {} failed", id, e);
                Tenancy.runAs(tenant, () -> jobs.finish(id, false, e.getMessage()));
            } finally {
                ImportJobs.RUNNING.release();
                SecurityContextHolder.clearContext();
            }
        });
        return jobs.get(id, "export");
    }

    public Job get(long id) {
        return jobs.get(id, "export");
    }

    public CursorPage<Job> list(PageRequest page) {
        return jobs.list("export", page);
    }

    /** The file of a finished export. */
    public Path file(long id) {
        var job = jobs.get(id, "export");
        var path = jobs.file(id, "export." + job.format());
        if (!job.status().equals("done") || !Files.exists(path)) {
            throw new DomainException(HttpStatus.CONFLICT, "transfer.export.not-ready", id);
        }
        return path;
    }

    /** One export run: what to write and how. */
    private record Run(
            long id,
            Source source,
            List<String> header,
            List<AttributeDefinition> definitions,
            Locale locale,
            ZoneId zone) {}

    private void write(long id, Source source, String format, Locale locale, ZoneId zone) {
        var definitions = attributes.all();
        var run = new Run(id, source, header(locale, definitions), definitions, locale, zone);
        var path = jobs.file(id, "export." + format);
        try (var out = Files.newOutputStream(path)) {
            if (format.equals("csv")) {
                writeCsv(out, run);
            } else {
                writeXlsx(out, run);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeCsv(OutputStream out, Run run) throws IOException {
        var writer = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        try (var csv = CsvWriter.builder().build(writer)) {
            csv.writeRecord(run.header());
            pages(run, csv::writeRecord);
        }
    }

    private void writeXlsx(OutputStream out, Run run) throws IOException {
        var workbook = new org.dhatim.fastexcel.Workbook(out, "Siyu", "1.0");
        var sheet = workbook.newWorksheet(run.locale().getLanguage().equals("en") ? "Customers" : "客户");
        for (int c = 0; c < run.header().size(); c++) {
            sheet.value(0, c, run.header().get(c));
            sheet.style(0, c).bold().set();
        }
        int[] row = {1};
        pages(run, cells -> {
            for (int c = 0; c < cells.size(); c++) {
                sheet.value(row[0], c, cells.get(c));
            }
            row[0]++;
            if (row[0] % PAGE == 0) {
                try {
                    sheet.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        workbook.finish();
    }

    private void pages(Run run, java.util.function.Consumer<List<String>> sink) {
        var locale = run.locale();
        var zone = run.zone();
        String cursor = null;
        long done = 0;
        do {
            var page = run.source().page(cursor);
            var owners = accounts.displayNames(page.items().stream()
                    .map(CustomerSummary::ownerId)
                    .filter(Objects::nonNull)
                    .collect(Collectors.toSet()));
            var values = directory.attributesOf(
                    page.items().stream().map(CustomerSummary::id).toList());
            for (var c : page.items()) {
                var cells = new ArrayList<String>();
                cells.add(String.valueOf(c.id()));
                cells.add(c.name());
                cells.add(Objects.toString(c.mobile(), ""));
                cells.add(gender(c, locale));
                cells.add(
                        c.city() == null
                                ? ""
                                : Cities.byCode(c.city())
                                        .map(x -> x.name(locale))
                                        .orElse(""));
                cells.add(c.ownerId() == null ? "" : owners.getOrDefault(c.ownerId(), ""));
                cells.add(Objects.toString(c.sourceChannel(), ""));
                cells.add(String.valueOf(c.memberLevel()));
                cells.add(String.valueOf(c.orderCount()));
                cells.add(c.gmv().toPlainString());
                cells.add(
                        c.lastActiveAt() == null
                                ? ""
                                : TIME.format(c.lastActiveAt().atZone(zone)));
                cells.add(TIME.format(c.createdAt().atZone(zone)));
                var attrs = values.get(c.id());
                for (var d : run.definitions()) {
                    cells.add(text(attrs == null ? null : attrs.get(d.key())));
                }
                sink.accept(cells);
            }
            done += page.items().size();
            jobs.progress(run.id(), done, done, 0);
            cursor = page.nextCursor();
        } while (cursor != null);
    }

    private static String text(@Nullable JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        if (value.isArray()) {
            var parts = new ArrayList<String>();
            value.forEach(v -> parts.add(v.asString()));
            return String.join("、", parts);
        }
        return value.asString();
    }

    private static String gender(CustomerSummary c, Locale locale) {
        boolean en = locale.getLanguage().equals("en");
        return switch (c.gender()) {
            case MALE -> en ? "male" : "男";
            case FEMALE -> en ? "female" : "女";
            case UNKNOWN -> en ? "unknown" : "未知";
        };
    }

    private static List<String> header(Locale locale, List<AttributeDefinition> definitions) {
        var header = new ArrayList<>(
                locale.getLanguage().equals("en")
                        ? List.of(
                                "Customer no.",
                                "Name",
                                "Mobile",
                                "Gender",
                                "City",
                                "Owner",
                                "Source",
                                "Member level",
                                "Orders",
                                "GMV",
                                "Last active",
                                "Created")
                        : List.of(
                                "客户编号", "姓名", "手机号", "性别", "城市", "归属员工", "来源渠道", "会员等级", "订单数", "消费金额", "最近活跃",
                                "创建时间"));
        definitions.forEach(d -> header.add(d.label()));
        return header;
    }
}
