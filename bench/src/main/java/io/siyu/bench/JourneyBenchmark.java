package io.siyu.bench;

import io.siyu.access.TenantManagement;
import io.siyu.customer.CustomerBulkLoad;
import io.siyu.customer.CustomerRecord;
import io.siyu.demo.StandardDataSet;
import io.siyu.event.EventIngestion;
import io.siyu.journey.Journeys;
import io.siyu.segment.SegmentEngine;
import io.siyu.segment.SegmentManagement;
import io.siyu.shared.Tenancy;
import io.siyu.shared.TenantId;
import io.siyu.tagging.TagKind;
import io.siyu.tagging.TagManagement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Locale;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Journeys at scale (issue 7): one message step fanned out to every customer of a segment by a schedule
 * (goal ≤ 60 s for 1,000,000), and the time from an ingested event to the first action of the journey its
 * customer enters through a segment, at 1,000 events/s (goal p99 &lt; 1 s). Each figure is printed next to the
 * plain SQL that does the bare minimum of the same work on the same PostgreSQL, in the same run.
 *
 * <p>Usage: {@code ./siyu bench journeys [customers]} (default 1,000,000).
 */
public final class JourneyBenchmark {

    static final int EVENTS_PER_SECOND = 1_000;
    static final int EVENT_SECONDS = 30;
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static void main(String[] args) throws Exception {
        long customers = BenchServer.size(args, 1_000_000L);
        var context = BenchServer.start("--siyu.wecom.reconcile-every=0s");
        try {
            new JourneyBenchmark(context).run((int) customers);
        } finally {
            context.close();
        }
    }

    private final ConfigurableApplicationContext context;
    private final JdbcTemplate owner;

    JourneyBenchmark(ConfigurableApplicationContext context) {
        this.context = context;
        this.owner = new JdbcTemplate(context.getBean("ownerDataSource", DataSource.class));
    }

    void run(int customers) throws Exception {
        var tenant = context.getBean(TenantManagement.class).create("journey bench", ZONE.getId());
        long started = System.nanoTime();
        var created = Instant.now().minus(Duration.ofDays(400));
        Tenancy.runAs(
                tenant,
                () -> context.getBean(CustomerBulkLoad.class).load(tenant, sink -> {
                    for (long n = 1; n <= customers; n++) {
                        sink.accept(new CustomerRecord(
                                n,
                                "客户" + n,
                                0,
                                0,
                                0,
                                null,
                                created,
                                StandardDataSet.mobile(n),
                                null,
                                null,
                                null,
                                null));
                    }
                }));
        // the app messages go through; no WeCom call is made for customers who are no one's contact
        owner.update("""
                insert into wecom_app (tenant_id, name, corp_id, agent_id, secret, token, encoding_aes_key, callback_key,
                                       api_base_url)
                values (?, 'bench', 'wwbench', '1000002', 'unused', 'bench', repeat('a', 43), 'bench-' || ?, 'http://127.0.0.1:9')""", tenant.value(), tenant.value());
        // no quiet hours: the figures are the fan-out's, whatever the time of day the benchmark runs at
        owner.update(
                "insert into messaging_settings (tenant_id, quiet_from, quiet_to) values (?, '00:00', '00:00')"
                        + " on conflict (tenant_id) do update set quiet_from = '00:00', quiet_to = '00:00'",
                tenant.value());
        // the bulk loader bypasses the segment index, as in the segment benchmark: build it from the tables
        Tenancy.runAs(tenant, () -> context.getBean(SegmentEngine.class).rebuild());
        owner.execute("analyze customer");
        System.out.printf(
                Locale.ROOT,
                "Journeys on %,d customers (loaded in %d s), %d cores%n",
                customers,
                (System.nanoTime() - started) / 1_000_000_000,
                Runtime.getRuntime().availableProcessors());
        fanOut(tenant, customers);
        eventToAction(tenant, customers);
    }

    /** A schedule lets every customer into a journey whose one step is a message; how long until all are handed on. */
    private void fanOut(TenantId tenant, int customers) {
        var tags = context.getBean(TagManagement.class);
        var segments = context.getBean(SegmentManagement.class);
        var journeys = context.getBean(Journeys.class);
        // the schedule fires at the next minute: occurrences before publishing never fire
        var at = LocalTime.now(ZONE).plusMinutes(1).truncatedTo(ChronoUnit.MINUTES);
        long journey = Tenancy.callAs(tenant, () -> {
            var group = tags.createGroup("bench", TagKind.CAMPAIGN);
            var nobody = tags.createTag(group.id(), "nobody", false);
            var everyone = segments.create(
                    "everyone", null, json("{\"not\": {\"tags\": {\"any\": [%d]}}}".formatted(nobody.id())), null);
            var definition = json("""
                    {"trigger": {"type": "schedule", "every": "day", "at": "%s", "segmentId": %d},
                     "entry": "again", "start": "hello",
                     "steps": [{"id": "hello", "type": "message", "text": "会员日快乐", "materialIds": [], "next": null}]}""".formatted(at, everyone.id()));
            long id = journeys.create(new Journeys.Input("fan-out", null, definition, null))
                    .id();
            journeys.publish(id);
            return id;
        });
        var t = tenant.value();
        // fired when its row is written; its customers come in by chunks, until the cursor is cleared
        waitFor(
                () -> count("select count(*) from journey_fire where tenant_id = ? and journey_id = ?", t, journey),
                1,
                120);
        waitFor(
                () -> count(
                        "select count(*) from journey_fire where tenant_id = ? and journey_id = ? and cursor is null",
                        t,
                        journey),
                1,
                600);
        var fired = owner.queryForObject(
                        "select at from journey_fire where tenant_id = ? and journey_id = ?",
                        java.sql.Timestamp.class,
                        t,
                        journey)
                .toInstant();
        var entered = count("select customers from journey_fire where tenant_id = ? and journey_id = ?", t, journey);
        waitFor(
                () -> count(
                        "select count(*) from journey_run where tenant_id = ? and journey_id = ? and state = 'done'",
                        t,
                        journey),
                entered,
                600);
        double runs = since(fired);
        waitFor(
                // a large group is one mass send made with the step; a small one waits as actions to be gathered
                // into one: either way every customer handed on is in a send's audience once
                () -> count(
                        "select coalesce(sum(jsonb_array_length(audience -> 'customerIds')), 0) from mass_send"
                                + " where tenant_id = ? and origin = 'journey' and origin_ref like ?",
                        t,
                        "journey:" + journey + ":%"),
                entered,
                600);
        double handed = since(fired);
        waitFor(
                () -> count(
                        "select count(*) from mass_send where tenant_id = ? and origin = 'journey'"
                                + " and status = 'scheduled'",
                        t),
                0,
                600);
        double planned = since(fired);

        long plainStart = System.nanoTime();
        owner.execute("create table bench_fan_out (customer_id bigint, step text, at timestamptz default now())");
        owner.update(
                "insert into bench_fan_out (customer_id, step) select id, 'hello' from customer where tenant_id = ?",
                t);
        double plain = (System.nanoTime() - plainStart) / 1e9;
        owner.execute("drop table bench_fan_out");

        System.out.printf(
                Locale.ROOT, "%nFan-out of one message step to %,d customers (from the schedule firing):%n", entered);
        System.out.printf(Locale.ROOT, "  every run past the step        %7.1f s%n", runs);
        System.out.printf(Locale.ROOT, "  every message handed on        %7.1f s   (goal <= 60 s)%n", handed);
        System.out.printf(Locale.ROOT, "  every send planned by messaging %6.1f s%n", planned);
        System.out.printf(
                Locale.ROOT,
                "  plain SQL: one INSERT ... SELECT of %,d rows %.1f s   ratio %.1fx%n",
                entered,
                plain,
                handed / plain);
    }

    /**
     * Purchases arrive at {@value #EVENTS_PER_SECOND}/s through the ingestion code path; each buyer enters the
     * "bought today" segment, and the journey on it makes a message action. The latency is the action's time
     * minus the event's arrival.
     */
    private void eventToAction(TenantId tenant, int customers) throws Exception {
        var segments = context.getBean(SegmentManagement.class);
        var journeys = context.getBean(Journeys.class);
        var ingestion = context.getBean(EventIngestion.class);
        long journey = Tenancy.callAs(tenant, () -> {
            var buyers = segments.create(
                    "bought today", null, json("{\"event\": {\"type\": \"purchase\", \"lastDays\": 1}}"), null);
            var definition = json("""
                    {"trigger": {"type": "segment_enter", "segmentId": %d}, "entry": "once", "start": "thanks",
                     "steps": [{"id": "thanks", "type": "message", "text": "感谢购买", "materialIds": [], "next": null}]}""".formatted(buyers.id()));
            long id = journeys.create(new Journeys.Input("after purchase", null, definition, null))
                    .id();
            journeys.publish(id);
            return id;
        });
        int total = EVENTS_PER_SECOND * EVENT_SECONDS;
        int batch = EVENTS_PER_SECOND / 10;
        long start = System.nanoTime();
        for (int i = 0; i < total; i += batch) {
            var records = new ArrayList<JsonNode>(batch);
            for (int j = i; j < i + batch; j++) {
                long customer = 1 + (j * 7919L) % customers;
                records.add(json("""
                        {"eventId": "bench-%d", "type": "purchase", "occurredAt": "%s",
                         "customer": {"mobile": "%s"}, "properties": {"orderId": "o%d", "amount": 99.0, "currency": "CNY"}}""".formatted(j, Instant.now(), StandardDataSet.mobile(customer), j)));
            }
            Tenancy.runAs(tenant, () -> ingestion.ingest(records));
            long due = start + (i + batch) * 1_000_000_000L / EVENTS_PER_SECOND;
            long sleep = due - System.nanoTime();
            if (sleep > 0) {
                Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
            }
        }
        double rate = total / ((System.nanoTime() - start) / 1e9);
        var t = tenant.value();
        waitFor(
                () -> count("select count(*) from journey_action where tenant_id = ? and journey_id = ?", t, journey),
                distinctBuyers(customers, total),
                120);
        var latencies = owner.queryForList("""
                        select extract(epoch from a.created_at - e.first) * 1000 from journey_action a
                        join (select customer_id, min(received_at) as first from event
                              where tenant_id = ? and type = 3 and event_id like 'bench-%' group by customer_id) e
                          on e.customer_id = a.customer_id
                        where a.tenant_id = ? and a.journey_id = ?""", Double.class, t, t, journey).stream()
                .mapToDouble(Double::doubleValue)
                .sorted()
                .toArray();

        long plainStart = System.nanoTime();
        int found = owner.queryForList("""
                        select distinct customer_id from event where tenant_id = ? and type = 3
                          and occurred_at >= now() - interval '1 day'""", Long.class, t).size();
        double plainMs = (System.nanoTime() - plainStart) / 1e6;

        System.out.printf(
                Locale.ROOT, "%nEvent -> segment enter -> first action, %,d purchases at %.0f/s:%n", total, rate);
        System.out.printf(
                Locale.ROOT,
                "  %,d actions: p50 %.0f ms  p95 %.0f ms  p99 %.0f ms  max %.0f ms   (goal p99 < 1,000 ms)%n",
                latencies.length,
                pct(latencies, 50),
                pct(latencies, 95),
                pct(latencies, 99),
                latencies.length == 0 ? 0 : latencies[latencies.length - 1]);
        System.out.printf(
                Locale.ROOT,
                "  plain SQL: one query for today's %,d buyers takes %.0f ms — a poller running it every minute waits 30 s on average%n",
                found,
                plainMs);
    }

    private static int distinctBuyers(int customers, int events) {
        var seen = new java.util.BitSet(customers + 1);
        for (int j = 0; j < events; j++) {
            seen.set((int) (1 + (j * 7919L) % customers));
        }
        return seen.cardinality();
    }

    private long count(String sql, Object... args) {
        var value = owner.queryForObject(sql, Long.class, args);
        return value == null ? 0 : value;
    }

    private static void waitFor(LongSupplier probe, long expected, int seconds) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (probe.getAsLong() != expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up waiting for " + expected + ", have " + probe.getAsLong());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static double since(Instant at) {
        return Duration.between(at, Instant.now()).toMillis() / 1000.0;
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    private static double pct(double[] sorted, int p) {
        return sorted.length == 0
                ? 0
                : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
