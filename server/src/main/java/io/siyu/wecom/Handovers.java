package io.siyu.wecom;

import io.siyu.access.Actor;
import io.siyu.shared.DomainException;
import io.siyu.shared.FieldProblem;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Handing customers from one staff member to another: 在职转移 (transfer_customer, doc 92125) while both work
 * here, 离职继承 (resigned/transfer_customer, doc 94081) after the first has left. WeCom starts each
 * customer's handover and completes it 24 h later unless the customer refuses; a customer may be handed over
 * at most twice in 90 days while its staff member is employed, which Siyu checks before asking. Results are
 * followed (transfer_result) until each customer's is final.
 */
@Service
public class Handovers {

    public static final int MAX_CUSTOMERS = 1_000;
    public static final int MAX_MESSAGE = 200;
    /** WeCom's rule for 在职转移: at most this many handovers of one customer in {@link #WINDOW}. */
    static final int MAX_PER_WINDOW = 2;

    static final Duration WINDOW = Duration.ofDays(90);
    private static final int PER_CALL = 100;

    public record Input(
            @Nullable Long appId,
            @Nullable String kind,
            @Nullable String handoverUserId,
            @Nullable String takeoverUserId,
            @Nullable List<String> externalUserIds,
            @Nullable String message) {}

    public record Customer(
            String externalUserId,
            @Nullable Long customerId,
            @Nullable String name,
            String status,
            @Nullable Integer errcode,
            @Nullable Instant takeoverAt) {}

    public record Handover(
            long id,
            long appId,
            String kind,
            String handoverUserId,
            String takeoverUserId,
            @Nullable String message,
            String createdBy,
            Instant createdAt,
            Map<String, Integer> counts,
            List<Customer> customers) {}

    /** A resigned staff member's customer nobody has taken over yet. */
    public record Unassigned(
            String handoverUserId,
            String externalUserId,
            Instant dimissionTime,
            @Nullable Long customerId,
            @Nullable String name) {}

    private final WeComApps apps;
    private final WeComClient client;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Handovers(WeComApps apps, WeComClient client, JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        this.apps = apps;
        this.client = client;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Starts a handover; customers WeCom would refuse by its 90-day rule are not even asked for. */
    public Handover start(Input input) {
        var problems = new ArrayList<FieldProblem>();
        var app =
                input.appId() == null ? null : tx(() -> apps.find(input.appId()).orElse(null));
        if (app == null) {
            problems.add(new FieldProblem("appId", "wecom.code.app"));
            throw invalid(problems);
        }
        var kind = input.kind() == null ? "onjob" : input.kind();
        if (!kind.equals("onjob") && !kind.equals("resigned")) {
            problems.add(new FieldProblem("kind", "wecom.handover.kind"));
        }
        var staff = tx(() -> jdbc
                .sql("select user_id, status, removed from wecom_staff where app_id = ?")
                .param(app.id())
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2) == 5 || rs.getBoolean(3)))
                .list()
                .stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        var from = input.handoverUserId();
        var to = input.takeoverUserId();
        if (from == null || !staff.containsKey(from)) {
            problems.add(new FieldProblem("handoverUserId", "wecom.handover.staff", String.valueOf(from)));
        }
        if (to == null || !staff.containsKey(to) || staff.get(to)) {
            problems.add(new FieldProblem("takeoverUserId", "wecom.handover.staff", String.valueOf(to)));
        } else if (to.equals(from)) {
            problems.add(new FieldProblem("takeoverUserId", "wecom.handover.same"));
        }
        var customers = new ArrayList<>(
                new LinkedHashSet<>(input.externalUserIds() == null ? List.<String>of() : input.externalUserIds()));
        if (customers.isEmpty() || customers.size() > MAX_CUSTOMERS) {
            problems.add(new FieldProblem("externalUserIds", "wecom.handover.customers", MAX_CUSTOMERS));
        }
        var message = input.message() == null || input.message().isBlank()
                ? null
                : input.message().strip();
        if (message != null && message.length() > MAX_MESSAGE) {
            problems.add(new FieldProblem("message", "wecom.handover.message", MAX_MESSAGE));
        }
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        var recent = kind.equals("onjob") ? recentHandovers(app.id(), customers) : Map.<String, Integer>of();
        long id = Objects.requireNonNull(tx(() -> jdbc.sql("""
                        insert into wecom_handover (app_id, kind, handover_user_id, takeover_user_id, message, created_by)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(app.id(), kind, from, to, message, Actor.currentName())
                .query(Long.class)
                .single()));
        var ask = new ArrayList<String>();
        for (var customer : customers) {
            if (recent.getOrDefault(customer, 0) >= MAX_PER_WINDOW) {
                record(id, app.id(), customer, "limit", 40128);
            } else {
                ask.add(customer);
            }
        }
        for (int i = 0; i < ask.size(); i += PER_CALL) {
            var batch = ask.subList(i, Math.min(ask.size(), i + PER_CALL));
            var body = new LinkedHashMap<String, Object>();
            body.put("handover_userid", from);
            body.put("takeover_userid", to);
            body.put("external_userid", batch);
            if (message != null && kind.equals("onjob")) {
                body.put("transfer_success_msg", message);
            }
            JsonNode answer;
            try {
                answer = client.post(
                        app,
                        kind.equals("onjob")
                                ? "externalcontact/transfer_customer"
                                : "externalcontact/resigned/transfer_customer",
                        body);
            } catch (WeComApiException e) {
                for (var customer : batch) {
                    record(id, app.id(), customer, "failed", e.errcode());
                }
                continue;
            }
            for (var result : answer.path("customer")) {
                int errcode = result.path("errcode").asInt();
                record(
                        id,
                        app.id(),
                        result.path("external_userid").asString(),
                        errcode == 0 ? "waiting" : errcode == 40128 ? "limit" : "failed",
                        errcode == 0 ? null : errcode);
            }
        }
        return get(id);
    }

    /** Asks WeCom for the results of the handover's waiting customers; returns the handover. */
    public Handover refresh(long id) {
        var handover = get(id);
        var app = tx(() -> apps.find(handover.appId()).orElseThrow());
        if (handover.counts().getOrDefault("waiting", 0) == 0) {
            return handover;
        }
        String cursor = "";
        do {
            var answer = client.post(
                    app,
                    handover.kind().equals("onjob")
                            ? "externalcontact/transfer_result"
                            : "externalcontact/resigned/transfer_result",
                    Map.of(
                            "handover_userid", handover.handoverUserId(),
                            "takeover_userid", handover.takeoverUserId(),
                            "cursor", cursor));
            for (var result : answer.path("customer")) {
                var status = switch (result.path("status").asInt()) {
                    case 1 -> "done";
                    case 3 -> "refused";
                    case 4 -> "limit";
                    case 5 -> "failed";
                    default -> "waiting";
                };
                long takeover = result.path("takeover_time").asLong(0);
                tx(() -> jdbc.sql("""
                                update wecom_handover_customer set status = ?, takeover_at = ?, updated_at = now()
                                where handover_id = ? and external_user_id = ? and status = 'waiting'""")
                        .params(
                                status,
                                takeover == 0 ? null : Timestamp.from(Instant.ofEpochSecond(takeover)),
                                id,
                                result.path("external_userid").asString())
                        .update());
            }
            cursor = answer.path("next_cursor").asString("");
        } while (!cursor.isEmpty());
        return get(id);
    }

    /** A customer refused, or the takeover's limit was hit (transfer_fail names only the takeover). */
    void failed(long appId, String takeoverUserId, String externalUserId, String reason) {
        jdbc.sql("""
                        update wecom_handover_customer c set status = ?, updated_at = now()
                        from wecom_handover h
                        where h.id = c.handover_id and h.app_id = ? and h.takeover_user_id = ?
                          and c.external_user_id = ? and c.status = 'waiting'""")
                .params(reason.equals("customer_refused") ? "refused" : "limit", appId, takeoverUserId, externalUserId)
                .update();
    }

    /** Handovers with waiting customers, oldest first: the tracker refreshes them. */
    List<Long> waiting() {
        return jdbc.sql("select distinct handover_id from wecom_handover_customer where status = 'waiting'"
                        + " order by handover_id")
                .query(Long.class)
                .list();
    }

    public List<Handover> all() {
        return Objects.requireNonNull(tx(() ->
                jdbc.sql("select id from wecom_handover order by id desc limit 200").query(Long.class).list().stream()
                        .map(this::find)
                        .toList()));
    }

    public Handover get(long id) {
        return Objects.requireNonNull(tx(() -> find(id)));
    }

    /** Customers of resigned staff waiting for someone to take them over (get_unassigned_list). */
    public List<Unassigned> unassigned(long appId) {
        var app = tx(() -> apps.find(appId).orElseThrow(() -> DomainException.notFound("wecom-app", appId)));
        var found = new ArrayList<JsonNode>();
        String cursor = "";
        do {
            var page = client.post(
                    app, "externalcontact/get_unassigned_list", Map.of("cursor", cursor, "page_size", 1000));
            page.path("info").forEach(found::add);
            cursor = page.path("is_last").asBoolean(true)
                    ? ""
                    : page.path("next_cursor").asString("");
        } while (!cursor.isEmpty());
        return Objects.requireNonNull(tx(() -> found.stream()
                .map(info -> {
                    var external = info.path("external_userid").asString();
                    var relation = jdbc.sql("select customer_id, name from wecom_contact where app_id = ?"
                                    + " and external_user_id = ? order by added_at desc limit 1")
                            .params(appId, external)
                            .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
                            .optional();
                    return new Unassigned(
                            info.path("handover_userid").asString(),
                            external,
                            Instant.ofEpochSecond(info.path("dimission_time").asLong()),
                            relation.map(r -> (Long) r[0]).orElse(null),
                            relation.map(r -> (String) r[1]).orElse(null));
                })
                .toList()));
    }

    private Map<String, Integer> recentHandovers(long appId, List<String> customers) {
        var since = Timestamp.from(clock.instant().minus(WINDOW));
        var counts = new LinkedHashMap<String, Integer>();
        tx(() -> jdbc.sql("""
                        select c.external_user_id, count(*) from wecom_handover_customer c
                        join wecom_handover h on h.id = c.handover_id
                        where h.app_id = ? and h.kind = 'onjob' and h.created_at >= ?
                          and c.status in ('waiting', 'done', 'refused') and c.external_user_id = any(?::text[])
                        group by 1""")
                .params(appId, since, customers.toArray(String[]::new))
                .query((rs, n) -> counts.put(rs.getString(1), rs.getInt(2)))
                .list());
        return counts;
    }

    private void record(long id, long appId, String externalUserId, String status, @Nullable Integer errcode) {
        tx(() -> jdbc.sql("""
                        insert into wecom_handover_customer (handover_id, external_user_id, customer_id, status, errcode)
                        values (?, ?, (select customer_id from wecom_contact where app_id = ? and external_user_id = ?
                                       order by added_at desc limit 1), ?, ?)
                        on conflict do nothing""")
                .params(id, externalUserId, appId, externalUserId, status, errcode)
                .update());
    }

    private Handover find(long id) {
        var customers = jdbc.sql("""
                        select c.external_user_id, c.customer_id,
                               (select name from wecom_contact w where w.external_user_id = c.external_user_id
                                order by added_at desc limit 1),
                               c.status, c.errcode, c.takeover_at
                        from wecom_handover_customer c where c.handover_id = ? order by c.external_user_id""")
                .param(id)
                .query((rs, n) -> new Customer(
                        rs.getString(1),
                        rs.getObject(2, Long.class),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getObject(5, Integer.class),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()))
                .list();
        var counts = new LinkedHashMap<String, Integer>();
        customers.forEach(c -> counts.merge(c.status(), 1, Integer::sum));
        return jdbc.sql("select id, app_id, kind, handover_user_id, takeover_user_id, message, created_by, created_at"
                        + " from wecom_handover where id = ?")
                .param(id)
                .query((rs, n) -> new Handover(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getTimestamp(8).toInstant(),
                        counts,
                        customers))
                .optional()
                .orElseThrow(() -> DomainException.notFound("wecom-handover", id));
    }

    private <T> T tx(java.util.function.Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }

    private static DomainException invalid(List<FieldProblem> problems) {
        return new DomainException(HttpStatus.BAD_REQUEST, "problem.invalid-request", problems);
    }
}
