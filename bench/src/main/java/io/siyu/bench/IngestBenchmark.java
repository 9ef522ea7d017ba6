package io.siyu.bench;

import io.siyu.access.ApiKeys;
import io.siyu.access.Role;
import io.siyu.access.TenantManagement;
import io.siyu.customer.CustomerBulkLoad;
import io.siyu.customer.CustomerRecord;
import io.siyu.event.EventIngestion;
import io.siyu.shared.Tenancy;
import io.siyu.shared.TenantId;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Event ingestion speed (issue 4): the same events through (1) the API's code path in-process, (2) HTTP
 * {@code POST /api/v1/events}, and (3) the plain-SQL baseline a user would write, COPY straight into the
 * event table as its owner, all on the same embedded PostgreSQL in the same run.
 *
 * <p>Usage: {@code ./siyu bench ingest [events]} (default 2,000,000).
 */
public final class IngestBenchmark {

    static final int BATCH = 1000;
    static final int WORKERS = 2;
    static final String[] TYPES = {"view", "favorite", "add_to_cart", "purchase", "share", "message"};
    static final JsonMapper JSON = JsonMapper.builder().build();

    public static void main(String[] args) throws Exception {
        int events = Math.toIntExact(BenchServer.size(args, 2_000_000));
        var context = BenchServer.start();
        try {
            new IngestBenchmark(context).run(events);
        } finally {
            context.close();
        }
    }

    private final ConfigurableApplicationContext context;
    private final TenantManagement tenants;
    private final EventIngestion ingestion;

    IngestBenchmark(ConfigurableApplicationContext context) {
        this.context = context;
        this.tenants = context.getBean(TenantManagement.class);
        this.ingestion = context.getBean(EventIngestion.class);
    }

    void run(int events) throws Exception {
        var end = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        System.out.printf(
                Locale.ROOT,
                "Event ingestion, %,d events of the standard data set's shape, batches of %d,"
                        + " %d workers, %d cores%n",
                events,
                BATCH,
                WORKERS,
                Runtime.getRuntime().availableProcessors());

        var warmup = tenantWithCustomers("bench warm-up", 20_000);
        inProcess(warmup, batches(20_000, 99, end));

        var apiTenant = tenantWithCustomers("bench in-process", events);
        double api = inProcess(apiTenant, batches(events, 1, end));

        var httpTenant = tenantWithCustomers("bench http", events);
        double http = overHttp(httpTenant, bodies(batches(events, 2, end)));

        var sqlTenant = tenantWithCustomers("bench plain sql", events);
        double sql = plainCopy(sqlTenant, events, end);

        System.out.println();
        System.out.printf(Locale.ROOT, "%-44s %14s %10s%n", "path", "events/s", "vs SQL");
        print("Siyu ingestion, in-process (API code path)", api, sql);
        print("Siyu ingestion, HTTP POST /api/v1/events", http, sql);
        print("plain SQL: COPY into event as owner", sql, sql);
    }

    private static void print(String name, double rate, double baseline) {
        System.out.printf(Locale.ROOT, "%-44s %,14.0f %9.2fx%n", name, rate, rate / baseline);
    }

    /** Events per second through {@link EventIngestion}, the code behind the API, with {@value #WORKERS} workers. */
    private double inProcess(TenantId tenant, List<List<JsonNode>> batches) throws Exception {
        var next = new AtomicInteger();
        long started = System.nanoTime();
        parallel(() -> {
            int i;
            long accepted = 0;
            while ((i = next.getAndIncrement()) < batches.size()) {
                var batch = batches.get(i);
                accepted += Tenancy.callAs(tenant, () -> ingestion.ingest(batch))
                        .accepted()
                        .size();
            }
            return accepted;
        });
        return rate(batches.stream().mapToInt(List::size).sum(), started);
    }

    private double overHttp(TenantId tenant, List<String> bodies) throws Exception {
        var key = Tenancy.callAs(tenant, () -> context.getBean(ApiKeys.class).create("bench", Role.OPERATOR))
                .key();
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        var uri = URI.create("http://localhost:" + port + "/api/v1/events");
        var client = HttpClient.newHttpClient();
        var next = new AtomicInteger();
        long started = System.nanoTime();
        parallel(() -> {
            int i;
            while ((i = next.getAndIncrement()) < bodies.size()) {
                var response = client.send(
                        HttpRequest.newBuilder(uri)
                                .header("Authorization", "Bearer " + key)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
                }
            }
            return 0L;
        });
        return rate((long) bodies.size() * BATCH, started);
    }

    /**
     * The baseline: the same kind of rows (time-ordered, customers known by number, no identity lookup)
     * with COPY straight into the partitioned table, as its owner.
     */
    private double plainCopy(TenantId tenant, int events, Instant end) throws Exception {
        var owner = context.getBean("ownerDataSource", DataSource.class);
        var rows = new StringBuilder(events * 96);
        var now = Instant.now().toString();
        for (var batch : batches(events, 3, end)) {
            for (var event : batch) {
                var id = event.path("eventId").asString();
                var mobile = event.path("customer").path("mobile").asString();
                rows.append(tenant.value())
                        .append('\t')
                        .append(Long.parseLong(mobile.substring(2)))
                        .append('\t')
                        .append(java.util.Arrays.asList(TYPES)
                                .indexOf(event.path("type").asString()))
                        .append('\t')
                        .append(event.path("occurredAt").asString())
                        .append('\t')
                        .append(id)
                        .append('\t')
                        .append(event.path("properties"))
                        .append('\t')
                        .append(now)
                        .append('\n');
            }
        }
        long started = System.nanoTime();
        try (var connection = owner.getConnection()) {
            connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn(
                            "copy event (tenant_id, customer_id, type, occurred_at, event_id, properties, received_at) from stdin",
                            new java.io.StringReader(rows.toString()));
        }
        return rate(events, started);
    }

    /**
     * The events of {@code events / 20} customers over the year before {@code end}, in the order they
     * happened (as a live feed delivers them), each naming its customer by verified mobile.
     */
    static List<List<JsonNode>> batches(int events, long seed, Instant end) {
        var random = new SplittableRandom(seed);
        int customers = customers(events);
        var times = new long[events];
        for (int i = 0; i < events; i++) {
            times[i] = end.getEpochSecond()
                    - 1
                    - random.nextLong(Duration.ofDays(365).toSeconds());
        }
        java.util.Arrays.sort(times);
        var batches = new ArrayList<List<JsonNode>>();
        var batch = new ArrayList<JsonNode>(BATCH);
        for (int i = 0; i < events; i++) {
            var type = TYPES[random.nextInt(TYPES.length)];
            ObjectNode event = JSON.createObjectNode()
                    .put("eventId", "e" + seed + "-" + i)
                    .put("type", type)
                    .put("occurredAt", Instant.ofEpochSecond(times[i]).toString());
            event.putObject("customer").put("mobile", mobile(1 + random.nextInt(customers)));
            var properties = event.putObject("properties");
            switch (type) {
                case "favorite", "add_to_cart" -> properties.put("productId", "p" + random.nextInt(5000));
                case "purchase" -> properties.put("orderId", "o" + i).put("amount", 10 + random.nextInt(990));
                default -> {}
            }
            batch.add(event);
            if (batch.size() == BATCH) {
                batches.add(batch);
                batch = new ArrayList<>(BATCH);
            }
        }
        if (!batches.isEmpty() || !batch.isEmpty()) {
            batches.add(batch);
        }
        batches.removeIf(List::isEmpty);
        return batches;
    }

    static int customers(int events) {
        return Math.max(1, events / 20);
    }

    static String mobile(long customer) {
        return "13%09d".formatted(customer);
    }

    /** The tenant's customers exist before their events arrive, as in the standard data set. */
    private TenantId tenantWithCustomers(String name, int events) {
        var tenant = tenants.create(name, "Asia/Shanghai");
        var created = Instant.now().minus(Duration.ofDays(400));
        Tenancy.runAs(
                tenant,
                () -> context.getBean(CustomerBulkLoad.class).load(tenant, sink -> {
                    for (long n = 1; n <= customers(events); n++) {
                        sink.accept(new CustomerRecord(
                                n, "客户" + n, 0, 0, 0, null, created, mobile(n), null, null, null, null));
                    }
                }));
        return tenant;
    }

    private static List<String> bodies(List<List<JsonNode>> batches) {
        return batches.stream()
                .map(batch -> {
                    var body = JSON.createObjectNode();
                    body.putArray("events").addAll(batch);
                    return body.toString();
                })
                .toList();
    }

    private static double rate(long events, long startedNanos) {
        return events / ((System.nanoTime() - startedNanos) / 1e9);
    }

    private static void parallel(Callable<Long> work) throws Exception {
        try (var pool = Executors.newFixedThreadPool(WORKERS)) {
            var futures = new ArrayList<java.util.concurrent.Future<Long>>();
            for (int i = 0; i < WORKERS; i++) {
                futures.add(pool.submit(work));
            }
            for (var future : futures) {
                future.get();
            }
        }
    }
}
