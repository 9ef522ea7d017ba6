package io.siyu.growth;

import io.siyu.access.CustomerLinks;
import io.siyu.customer.CustomerResolution;
import io.siyu.shared.CursorPage;
import io.siyu.shared.DomainException;
import io.siyu.shared.PageRequest;
import io.siyu.shared.QrImages;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A distributor's own page (H5), reached through a customer link for the purpose {@value #PURPOSE}: a customer who
 * is not a distributor applies there; an applicant sees where the application stands; an active distributor sees
 * their code and share link, their balances as the ledger has them, their commissions, how many customers and
 * distributors they brought, and asks to withdraw ({@link Withdrawals#request}: same rules, same request key).
 * Everything is about the link's customer; buyers are never named and order numbers are masked.
 */
@Service
public class DistributorPage {

    /** The customer-link purpose of the distributor page, also the path under {@code /api/h5/v1/}. */
    public static final String PURPOSE = "distributor";

    static final Duration LINK_VALIDITY = Duration.ofDays(30);
    static final int RECENT_WITHDRAWALS = 5;
    private static final int MAX_CODE = 16;

    /** A distributor page link for staff to send: the address, when it stops working, its QR as a PNG data URL. */
    public record Link(String url, Instant expiresAt, String qr) {}

    /**
     * The page: {@code status} is {@code none} (may apply), {@code pending}, {@code rejected}, {@code suspended} or
     * {@code active}; the code, share link and figures only when active.
     *
     * @param shareUrl the brand's page with {@code ?distributor=<code>}; null when the program has none
     * @param shareQr the share link's QR (PNG data URL)
     * @param customers customers bound to the distributor
     * @param team distributors they invited (their level-2 team)
     */
    public record View(
            String status,
            @Nullable Instant appliedAt,
            @Nullable Instant decidedAt,
            @Nullable String code,
            @Nullable String shareUrl,
            @Nullable String shareQr,
            Distribution.@Nullable Balances balances,
            long customers,
            long team,
            BigDecimal level1Rate,
            BigDecimal level2Rate,
            BigDecimal minWithdrawal,
            BigDecimal maxWithdrawal,
            List<Withdrawal> withdrawals) {}

    public record Apply(@Nullable String inviterCode) {}

    /**
     * A commission of the distributor's on one order.
     *
     * @param orderNo masked: only its last four characters
     * @param amount what the order earned them at this level
     * @param reversed what refunds took back of it
     * @param status pending (until {@code releaseAt}), released, or reversed (refunded in full)
     */
    public record Commission(
            long id,
            int level,
            String orderNo,
            @Nullable BigDecimal base,
            BigDecimal amount,
            BigDecimal reversed,
            String status,
            @Nullable Instant releaseAt,
            Instant at) {}

    /** A withdrawal as the distributor sees it (no staff names). */
    public record Withdrawal(
            long id,
            BigDecimal amount,
            String status,
            Instant requestedAt,
            @Nullable Instant paidAt) {}

    private final JdbcClient jdbc;
    private final Distributors distributors;
    private final Withdrawals withdrawals;
    private final DistributionSettings settings;
    private final CustomerResolution customers;
    private final CustomerLinks links;
    private final URI publicUrl;

    DistributorPage(
            JdbcClient jdbc,
            Distributors distributors,
            Withdrawals withdrawals,
            DistributionSettings settings,
            CustomerResolution customers,
            CustomerLinks links,
            @Value("${siyu.public-url:http://localhost:8080}") URI publicUrl) {
        this.jdbc = jdbc;
        this.distributors = distributors;
        this.withdrawals = withdrawals;
        this.settings = settings;
        this.customers = customers;
        this.links = links;
        this.publicUrl = publicUrl;
    }

    /** A new link to a customer's distributor page (a distributor's, or one who may apply), valid 30 days. */
    @Transactional
    public Link link(long customerId) {
        if (customers.existing(List.of(customerId)).isEmpty()) {
            throw DomainException.notFound("customer", customerId);
        }
        var link = links.issue(customerId, PURPOSE, LINK_VALIDITY);
        var url = publicUrl.toString().replaceAll("/+$", "") + "/h5/" + PURPOSE + "#" + link.token();
        return new Link(url, link.expiresAt(), QrImages.dataUrl(url));
    }

    @Transactional(readOnly = true)
    public View view(long customerId) {
        var program = settings.get();
        var found = distributor(customerId);
        if (found.isEmpty()) {
            return new View(
                    "none",
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    0,
                    0,
                    program.level1Rate(),
                    program.level2Rate(),
                    program.minWithdrawal(),
                    DistributionSettings.MAX_WITHDRAWAL,
                    List.of());
        }
        var d = found.get();
        if (!d.status().equals("active")) {
            return new View(
                    d.status(),
                    d.appliedAt(),
                    d.decidedAt(),
                    null,
                    null,
                    null,
                    null,
                    0,
                    0,
                    program.level1Rate(),
                    program.level2Rate(),
                    program.minWithdrawal(),
                    DistributionSettings.MAX_WITHDRAWAL,
                    List.of());
        }
        var share = program.shareUrl() == null
                ? null
                : program.shareUrl() + (program.shareUrl().contains("?") ? "&" : "?") + "distributor=" + d.code();
        var recent = withdrawals.list(null, d.id(), PageRequest.of(RECENT_WITHDRAWALS, null)).items().stream()
                .map(w -> new Withdrawal(w.id(), w.amount(), w.status(), w.requestedAt(), w.paidAt()))
                .toList();
        return new View(
                d.status(),
                d.appliedAt(),
                d.decidedAt(),
                d.code(),
                share,
                share == null ? null : QrImages.dataUrl(share),
                d.balances(),
                d.customers(),
                d.invited(),
                program.level1Rate(),
                program.level2Rate(),
                program.minWithdrawal(),
                DistributionSettings.MAX_WITHDRAWAL,
                recent);
    }

    /**
     * The customer applies, pending until an operator approves; the inviter's code makes that distributor their
     * parent. Applying again (a double tap) answers the page as it is.
     */
    @Transactional
    public View apply(long customerId, Apply in) {
        if (distributor(customerId).isEmpty()) {
            var code = in.inviterCode() == null ? null : in.inviterCode().strip();
            if (code != null && code.length() > MAX_CODE) {
                throw DomainException.invalid("inviterCode", "growth.distribution.code", code.substring(0, MAX_CODE));
            }
            distributors.apply(new Distribution.Application(customerId, code, false));
        }
        return view(customerId);
    }

    /** The distributor's commissions, newest first. */
    @Transactional(readOnly = true)
    public CursorPage<Commission> commissions(long customerId, PageRequest page) {
        var d = required(customerId);
        var rows = jdbc.sql("""
                        select e.id, e.level, e.order_no, e.base, e.pending,
                               coalesce((select -sum(r.pending + r.available - r.debt) from distribution_entry r
                                         where r.kind in ('cancel', 'clawback') and r.order_no = e.order_no
                                           and r.distributor_id = e.distributor_id and r.level = e.level), 0),
                               o.release_at, o.released_at, e.at
                        from distribution_entry e left join distribution_order o on o.order_no = e.order_no
                        where e.distributor_id = ? and e.kind = 'commission' and e.id < ?
                        order by e.id desc limit %d""".formatted(page.fetchSize()))
                .params(d.id(), page.before())
                .query((rs, n) -> {
                    var amount = rs.getBigDecimal(5);
                    var reversed = rs.getBigDecimal(6);
                    var releaseAt = rs.getTimestamp(7);
                    var status = reversed.compareTo(amount) >= 0
                            ? "reversed"
                            : rs.getTimestamp(8) != null ? "released" : "pending";
                    return new Commission(
                            rs.getLong(1),
                            rs.getInt(2),
                            masked(rs.getString(3)),
                            rs.getBigDecimal(4),
                            amount,
                            reversed,
                            status,
                            releaseAt == null ? null : releaseAt.toInstant(),
                            rs.getTimestamp(9).toInstant());
                })
                .list();
        return CursorPage.ofDescending(rows, page.limit(), Commission::id);
    }

    /**
     * The distributor asks to withdraw, as {@link Withdrawals#request}: the page makes one request key per attempt,
     * and the same key again answers the first withdrawal without holding more.
     */
    @Transactional
    public Withdrawal withdraw(long customerId, Distribution.WithdrawalInput input) {
        var w = withdrawals.request(required(customerId).id(), input);
        return new Withdrawal(w.id(), w.amount(), w.status(), w.requestedAt(), w.paidAt());
    }

    private Optional<Distribution.Distributor> distributor(long customerId) {
        return jdbc.sql("select id from distributor where customer_id = ?")
                .param(customerId)
                .query(Long.class)
                .optional()
                .map(distributors::get);
    }

    private Distribution.Distributor required(long customerId) {
        return distributor(customerId)
                .orElseThrow(() -> new DomainException(HttpStatus.NOT_FOUND, "growth.distributor-page.none"));
    }

    /** An order number as its distributor sees it: the last four characters, the rest hidden. */
    static String masked(@Nullable String orderNo) {
        if (orderNo == null || orderNo.isEmpty()) {
            return "";
        }
        return "****" + orderNo.substring(Math.max(0, orderNo.length() - 4));
    }
}
