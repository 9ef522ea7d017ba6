package io.siyu.loyalty;

import io.siyu.segment.SegmentManagement;
import io.siyu.shared.DomainException;
import io.siyu.shared.FieldProblem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coupon templates, issuing and redemption. Issuing holds the template's row lock, so its stock and each
 * customer's limit hold however many issue at once; every coupon has an issue key (a retried issue adds
 * nothing) and every redemption an id (a retried redemption answers the first).
 */
@Service
public class Coupons {

    static final int MAX_ISSUE = 10_000;
    static final String CODE = "^[A-Za-z0-9_-]{1,32}$";

    private static final String TEMPLATE =
            "select t.id, t.code, t.name, t.kind, t.value, t.max_off, t.threshold, t.skus,"
                    + " t.valid_days, t.valid_from, t.valid_until, t.per_customer, t.stock, t.active, t.issued,"
                    + " (select count(*) from coupon c where c.template_id = t.id and c.status = 'redeemed')"
                    + " from coupon_template t";
    private static final String COUPON = "select c.id, c.code, t.id, t.code, t.name, t.kind, t.value, t.max_off,"
            + " t.threshold, c.status, c.issued_at, c.expires_at, c.redeemed_at, c.order_no, c.discount, c.customer_id,"
            + " t.skus, c.valid_from, c.redemption_id from coupon c join coupon_template t on t.id = c.template_id";

    private final JdbcClient jdbc;
    private final Members members;
    private final SegmentManagement segments;
    private final Clock clock;

    Coupons(JdbcClient jdbc, Members members, SegmentManagement segments, Clock clock) {
        this.jdbc = jdbc;
        this.members = members;
        this.segments = segments;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<CouponTemplate> templates() {
        return jdbc.sql(TEMPLATE + " order by t.id desc")
                .query(Coupons::template)
                .list();
    }

    @Transactional(readOnly = true)
    public CouponTemplate template(long id) {
        return jdbc.sql(TEMPLATE + " where t.id = ?")
                .param(id)
                .query(Coupons::template)
                .optional()
                .orElseThrow(() -> DomainException.notFound("coupon-template", id));
    }

    /** Whether a template has this code (journeys and campaigns name coupons by it). */
    @Transactional(readOnly = true)
    public boolean exists(String code) {
        return jdbc.sql("select exists (select 1 from coupon_template where code = ?)")
                .param(code)
                .query(Boolean.class)
                .single();
    }

    @Transactional
    public CouponTemplate create(CouponTemplate.Input input) {
        var valid = check(input, null);
        long id;
        try {
            id = jdbc.sql("""
                            insert into coupon_template (code, name, kind, value, max_off, threshold, skus, valid_days,
                                                         valid_from, valid_until, per_customer, stock, active)
                            values (?, ?, ?, ?, ?, ?, ?::text[], ?, ?, ?, ?, ?, ?) returning id""").params(params(valid)).query(Long.class).single();
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw DomainException.invalid("code", "loyalty.coupon.code-taken", valid.code());
        }
        return template(id);
    }

    @Transactional
    public CouponTemplate update(long id, CouponTemplate.Input input) {
        var before = template(id);
        var valid = check(input, before);
        var args = new ArrayList<>(Arrays.asList(params(valid)));
        args.add(id);
        try {
            jdbc.sql("""
                            update coupon_template set code = ?, name = ?, kind = ?, value = ?, max_off = ?, threshold = ?,
                                skus = ?::text[], valid_days = ?, valid_from = ?, valid_until = ?, per_customer = ?,
                                stock = ?, active = ? where id = ?""").params(args).update();
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw DomainException.invalid("code", "loyalty.coupon.code-taken", valid.code());
        }
        return template(id);
    }

    private static Object[] params(CouponTemplate t) {
        return new Object[] {
            t.code(),
            t.name(),
            t.kind(),
            t.value(),
            t.maxOff(),
            t.threshold(),
            t.skus().toArray(String[]::new),
            t.validDays(),
            t.validFrom() == null ? null : Timestamp.from(t.validFrom()),
            t.validUntil() == null ? null : Timestamp.from(t.validUntil()),
            t.perCustomer(),
            t.stock(),
            t.active()
        };
    }

    private CouponTemplate check(CouponTemplate.Input in, @Nullable CouponTemplate before) {
        var problems = new ArrayList<FieldProblem>();
        var code = in.code() == null ? "" : in.code().strip();
        if (!code.matches(CODE)) {
            problems.add(new FieldProblem("code", "loyalty.coupon.code"));
        }
        var name = in.name() == null ? "" : in.name().strip();
        if (name.isEmpty() || name.length() > 30) {
            problems.add(new FieldProblem("name", "loyalty.coupon.name", 30));
        }
        var kind = in.kind() == null ? "" : in.kind();
        var value = in.value();
        if (!kind.equals("amount") && !kind.equals("percent")) {
            problems.add(new FieldProblem("kind", "loyalty.coupon.kind"));
        } else if (kind.equals("amount")
                && (value == null
                        || value.compareTo(new BigDecimal("0.01")) < 0
                        || value.compareTo(BigDecimal.valueOf(10_000)) > 0)) {
            problems.add(new FieldProblem("value", "loyalty.coupon.amount", 10_000));
        } else if (kind.equals("percent")
                && (value == null
                        || value.compareTo(BigDecimal.ONE) < 0
                        || value.compareTo(BigDecimal.valueOf(99)) > 0)) {
            problems.add(new FieldProblem("value", "loyalty.coupon.percent"));
        }
        if (in.maxOff() != null && in.maxOff().signum() <= 0) {
            problems.add(new FieldProblem("maxOff", "loyalty.coupon.max-off"));
        }
        var threshold = in.threshold() == null ? BigDecimal.ZERO : in.threshold();
        if (threshold.signum() < 0) {
            problems.add(new FieldProblem("threshold", "loyalty.coupon.threshold-value"));
        }
        var skus = in.skus() == null
                ? List.<String>of()
                : in.skus().stream()
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .distinct()
                        .toList();
        if (skus.size() > 200) {
            problems.add(new FieldProblem("skus", "loyalty.coupon.skus", 200));
        }
        if (in.validDays() == null) {
            if (in.validFrom() == null
                    || in.validUntil() == null
                    || !in.validUntil().isAfter(in.validFrom())) {
                problems.add(new FieldProblem("validUntil", "loyalty.coupon.validity"));
            }
        } else if (in.validDays() < 1 || in.validDays() > 3650) {
            problems.add(new FieldProblem("validDays", "loyalty.coupon.valid-days", 3650));
        }
        int perCustomer = in.perCustomer() == null ? 1 : in.perCustomer();
        if (perCustomer < 1 || perCustomer > 100) {
            problems.add(new FieldProblem("perCustomer", "loyalty.coupon.per-customer", 100));
        }
        if (in.stock() != null && (in.stock() < 0 || (before != null && in.stock() < before.issued()))) {
            problems.add(new FieldProblem("stock", "loyalty.coupon.stock", before == null ? 0 : before.issued()));
        }
        if (!problems.isEmpty()) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "problem.invalid-request", problems);
        }
        return new CouponTemplate(
                before == null ? 0 : before.id(),
                code,
                name,
                kind,
                value,
                kind.equals("percent") ? in.maxOff() : null,
                threshold,
                skus,
                in.validDays(),
                in.validDays() == null ? in.validFrom() : null,
                in.validDays() == null ? in.validUntil() : null,
                perCustomer,
                in.stock(),
                in.active() == null || in.active(),
                0,
                0);
    }

    /** Issues a template's coupons from the console or the API. */
    @Transactional
    public CouponTemplate.Issued issue(long templateId, CouponTemplate.Issue issue) {
        var key = issue.key() == null ? "" : issue.key().strip();
        if (key.isEmpty() || key.length() > 64) {
            throw DomainException.invalid("key", "loyalty.request-id", 64);
        }
        List<Long> customers;
        if (issue.segmentId() != null) {
            var bitmap = segments.members(issue.segmentId());
            if (bitmap.getLongCardinality() > MAX_ISSUE) {
                throw DomainException.invalid("segmentId", "loyalty.coupon.issue-size", MAX_ISSUE);
            }
            customers = new ArrayList<>();
            bitmap.forEach((int c) -> customers.add(Integer.toUnsignedLong(c)));
        } else if (issue.customerIds() != null && !issue.customerIds().isEmpty()) {
            if (issue.customerIds().size() > MAX_ISSUE) {
                throw DomainException.invalid("customerIds", "loyalty.coupon.issue-size", MAX_ISSUE);
            }
            customers = issue.customerIds().stream().distinct().toList();
        } else {
            throw DomainException.invalid("customerIds", "problem.field.required");
        }
        template(templateId);
        return grant(templateId, customers, "issue:" + key, "console");
    }

    /**
     * Issues a template's coupon to each customer once per key (a journey step, a campaign stage), within its
     * stock and the per-customer limit; customers who are not members become members.
     */
    @Transactional
    public CouponTemplate.Issued grant(String code, Map<Long, String> keys, String source) {
        var id = jdbc.sql("select id from coupon_template where code = ?")
                .param(code)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> DomainException.notFound("coupon-template", code));
        return grantKeyed(id, keys, source);
    }

    private CouponTemplate.Issued grant(long templateId, Collection<Long> customers, String key, String source) {
        var keys = new HashMap<Long, String>();
        customers.forEach(c -> keys.put(c, key + ":" + c));
        return grantKeyed(templateId, keys, source);
    }

    private CouponTemplate.Issued grantKeyed(long templateId, Map<Long, String> keys, String source) {
        var t = jdbc.sql("""
                        select per_customer, stock, issued, valid_days, valid_from, valid_until, active
                        from coupon_template where id = ? for update""")
                .param(templateId)
                .query((rs, n) -> new Object[] {
                    rs.getInt(1),
                    rs.getObject(2),
                    rs.getInt(3),
                    rs.getObject(4),
                    rs.getTimestamp(5),
                    rs.getTimestamp(6),
                    rs.getBoolean(7)
                })
                .single();
        if (!(Boolean) t[6]) {
            throw new DomainException(HttpStatus.CONFLICT, "loyalty.coupon.inactive");
        }
        int perCustomer = (Integer) t[0];
        Integer stock = (Integer) t[1];
        int issued = (Integer) t[2];
        var ids = keys.keySet().toArray(Long[]::new);
        Set<String> seen = new HashSet<>(jdbc.sql("select issue_key from coupon where issue_key = any(?::text[])")
                .param(keys.values().toArray(String[]::new))
                .query(String.class)
                .list());
        var held = new HashMap<Long, Integer>();
        jdbc.sql(
                        "select customer_id, count(*) from coupon where template_id = ? and customer_id = any(?::bigint[]) group by 1")
                .params(templateId, ids)
                .query(rs -> {
                    held.put(rs.getLong(1), rs.getInt(2));
                });
        var now = clock.instant();
        var from = t[4] == null ? now : ((Timestamp) t[4]).toInstant();
        var until = t[3] == null ? ((Timestamp) t[5]).toInstant() : now.plus(Duration.ofDays((Integer) t[3]));
        var chosen = new ArrayList<Long>();
        int limit = 0;
        int noStock = 0;
        for (var customer : ids) {
            if (seen.contains(keys.get(customer))) {
                continue;
            }
            if (held.getOrDefault(customer, 0) >= perCustomer) {
                limit++;
            } else if (stock != null && issued + chosen.size() >= stock) {
                noStock++;
            } else {
                chosen.add(customer);
            }
        }
        if (!chosen.isEmpty()) {
            members.ensure(chosen, source);
            var issuedNow = jdbc.sql("""
                            insert into coupon (template_id, customer_id, code, source, issue_key, issued_at, valid_from,
                                                expires_at)
                            select ?, c.id, upper(substr(replace(gen_random_uuid()::text, '-', ''), 1, 16)), ?, c.key, ?,
                                   ?, ?
                            from unnest(?::bigint[], ?::text[]) as c(id, key)
                            on conflict do nothing""")
                    .params(
                            templateId,
                            source,
                            Timestamp.from(now),
                            Timestamp.from(from),
                            Timestamp.from(until),
                            chosen.toArray(Long[]::new),
                            chosen.stream().map(keys::get).toArray(String[]::new))
                    .update();
            jdbc.sql("update coupon_template set issued = issued + ? where id = ?")
                    .params(issuedNow, templateId)
                    .update();
            return new CouponTemplate.Issued(issuedNow, new CouponTemplate.Skipped(limit, noStock));
        }
        return new CouponTemplate.Issued(0, new CouponTemplate.Skipped(limit, noStock));
    }

    @Transactional(readOnly = true)
    public List<Coupon> ofMember(long customerId) {
        return jdbc.sql(COUPON + " where c.customer_id = ? order by c.id desc limit 500")
                .param(customerId)
                .query(Coupons::coupon)
                .list();
    }

    /** Redeems a coupon against an order: once per redemption id, and only by its holder, in time, in scope. */
    @Transactional
    public Coupon.Redemption redeem(Coupon.Redeem in) {
        var problems = new ArrayList<FieldProblem>();
        if (in.code() == null || in.code().isBlank()) {
            problems.add(new FieldProblem("code", "problem.field.required"));
        }
        if (in.customerId() == null) {
            problems.add(new FieldProblem("customerId", "problem.field.required"));
        }
        if (in.orderAmount() == null || in.orderAmount().signum() <= 0) {
            problems.add(new FieldProblem("orderAmount", "loyalty.coupon.order-amount"));
        }
        if (in.redemptionId() == null
                || in.redemptionId().isBlank()
                || in.redemptionId().length() > 64) {
            problems.add(new FieldProblem("redemptionId", "loyalty.request-id", 64));
        }
        if (!problems.isEmpty()) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "problem.invalid-request", problems);
        }
        var code = in.code().strip().toUpperCase(java.util.Locale.ROOT);
        var coupon = jdbc.sql(COUPON + " where c.code = ? for update of c")
                .param(code)
                .query((rs, n) -> new Object[] {
                    coupon(rs, n), rs.getLong(16), rs.getArray(17), rs.getTimestamp(18), rs.getString(19)
                })
                .optional()
                .orElseThrow(() -> DomainException.notFound("coupon", code));
        var c = (Coupon) coupon[0];
        if (in.redemptionId().equals(coupon[4])) {
            return new Coupon.Redemption(c.id(), c.code(), c.discount(), c.status());
        }
        if (!java.util.Objects.equals(coupon[1], in.customerId())) {
            throw new DomainException(HttpStatus.CONFLICT, "loyalty.coupon.foreign");
        }
        if (c.status().equals("redeemed")) {
            throw new DomainException(HttpStatus.CONFLICT, "loyalty.coupon.used");
        }
        var now = clock.instant();
        if (c.status().equals("expired")
                || !now.isBefore(c.expiresAt())
                || now.isBefore(((Timestamp) coupon[3]).toInstant())) {
            throw new DomainException(HttpStatus.CONFLICT, "loyalty.coupon.expired");
        }
        if (in.orderAmount().compareTo(c.threshold()) < 0) {
            throw new DomainException(HttpStatus.CONFLICT, "loyalty.coupon.threshold", c.threshold());
        }
        var scope = skus((Array) coupon[2]);
        if (!scope.isEmpty() && (in.skus() == null || in.skus().stream().noneMatch(scope::contains))) {
            throw new DomainException(HttpStatus.CONFLICT, "loyalty.coupon.scope");
        }
        var discount = c.kind().equals("amount")
                ? c.value().min(in.orderAmount())
                : in.orderAmount().multiply(c.value()).divide(BigDecimal.valueOf(100), 2, RoundingMode.DOWN);
        if (c.maxOff() != null) {
            discount = discount.min(c.maxOff());
        }
        try {
            jdbc.sql("""
                            update coupon set status = 'redeemed', redemption_id = ?, order_no = ?, discount = ?,
                                redeemed_at = ? where id = ?""")
                    .params(in.redemptionId(), in.orderNo(), discount, Timestamp.from(now), c.id())
                    .update();
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw new DomainException(HttpStatus.CONFLICT, "loyalty.coupon.redemption-taken", in.redemptionId());
        }
        return new Coupon.Redemption(c.id(), c.code(), discount, "redeemed");
    }

    /** Marks coupons past their end as expired; answers how many. */
    @Transactional
    public int expire() {
        return jdbc.sql("update coupon set status = 'expired' where status = 'issued' and expires_at <= ?")
                .param(Timestamp.from(clock.instant()))
                .update();
    }

    private static List<String> skus(@Nullable Array array) {
        try {
            return array == null ? List.of() : List.of((String[]) array.getArray());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static CouponTemplate template(ResultSet rs, int n) throws SQLException {
        var from = rs.getTimestamp(10);
        var until = rs.getTimestamp(11);
        return new CouponTemplate(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getBigDecimal(5),
                rs.getBigDecimal(6),
                rs.getBigDecimal(7),
                skus(rs.getArray(8)),
                (Integer) rs.getObject(9),
                from == null ? null : from.toInstant(),
                until == null ? null : until.toInstant(),
                rs.getInt(12),
                (Integer) rs.getObject(13),
                rs.getBoolean(14),
                rs.getInt(15),
                rs.getLong(16));
    }

    static Coupon coupon(ResultSet rs, int n) throws SQLException {
        var redeemed = rs.getTimestamp(13);
        return new Coupon(
                rs.getLong(1),
                rs.getString(2),
                rs.getLong(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getBigDecimal(7),
                rs.getBigDecimal(8),
                rs.getBigDecimal(9),
                rs.getString(10),
                rs.getTimestamp(11).toInstant(),
                rs.getTimestamp(12).toInstant(),
                redeemed == null ? null : redeemed.toInstant(),
                rs.getString(14),
                rs.getBigDecimal(15));
    }
}
