package io.siyu.loyalty;

import io.siyu.access.CustomerLinks;
import io.siyu.shared.DomainException;
import io.siyu.shared.PageRequest;
import io.siyu.shared.QrCodes;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The member's own page (H5): their card, points, coupons and the points mall, as the member sees them, reached
 * through a customer link for the purpose {@value #PURPOSE}. Shows no staff names and nobody else's data; mall
 * redemptions go through {@link Mall} like the console's, once per redemption id the page makes.
 */
@Service
public class MemberPage {

    /** The customer-link purpose of the member page, also the path under {@code /api/h5/v1/}. */
    public static final String PURPOSE = "member";

    static final Duration LINK_VALIDITY = Duration.ofDays(30);
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9-]{8,40}");

    public record Card(
            @Nullable String name,
            String memberNo,
            int tier,
            String tierName,
            int topTier,
            long growth,
            long points,
            Member.@Nullable Expiring expiring,
            Member.@Nullable NextTier nextTier,
            Member.Benefits benefits,
            Instant joinedAt) {}

    public record Entry(
            long id,
            String kind,
            long points,
            long balance,
            String source,
            @Nullable String reason,
            @Nullable Instant expiresAt,
            Instant at) {}

    /** A coupon with its template's terms; {@code status}: available, used or expired. */
    public record MemberCoupon(
            long id,
            String code,
            String name,
            String kind,
            BigDecimal value,
            @Nullable BigDecimal maxOff,
            BigDecimal threshold,
            List<String> skus,
            String status,
            Instant issuedAt,
            Instant expiresAt,
            @Nullable Instant redeemedAt) {}

    public record Item(
            long id,
            String name,
            @Nullable String description,
            long points,
            BigDecimal cash,
            int left,
            int perMember) {}

    public record Redeem(@Nullable Long itemId, @Nullable String redemptionId) {}

    public record Redeemed(long orderId, String itemName, long points, String status, long balance) {}

    /** A member page link for staff to send: the address, when it stops working, and its QR as a PNG data URL. */
    public record Link(String url, Instant expiresAt, String qr) {}

    private final Members members;
    private final Programs programs;
    private final Points points;
    private final Coupons coupons;
    private final Mall mall;
    private final CustomerLinks links;
    private final Clock clock;
    private final URI publicUrl;

    MemberPage(
            Members members,
            Programs programs,
            Points points,
            Coupons coupons,
            Mall mall,
            CustomerLinks links,
            Clock clock,
            @Value("${siyu.public-url:http://localhost:8080}") URI publicUrl) {
        this.members = members;
        this.programs = programs;
        this.points = points;
        this.coupons = coupons;
        this.mall = mall;
        this.links = links;
        this.clock = clock;
        this.publicUrl = publicUrl;
    }

    /** A new link to the member page of a member of the current tenant, valid for 30 days. */
    public Link link(long customerId) {
        members.get(customerId);
        var link = links.issue(customerId, PURPOSE, LINK_VALIDITY);
        var url = publicUrl.toString().replaceAll("/+$", "") + "/h5/" + PURPOSE + "#" + link.token();
        return new Link(url, link.expiresAt(), QrCodes.dataUrl(url));
    }

    @Transactional(readOnly = true)
    public Card card(long customerId) {
        var m = members.get(customerId);
        int top = programs.get().tiers().getLast().level();
        return new Card(
                m.name(),
                m.memberNo(),
                m.tier(),
                m.tierName(),
                top,
                m.growth(),
                m.points(),
                m.expiring(),
                m.nextTier(),
                m.benefits(),
                m.joinedAt());
    }

    /** The member's 30 latest points entries, newest first. */
    @Transactional(readOnly = true)
    public List<Entry> ledger(long customerId) {
        members.get(customerId);
        return points.ledger(customerId, PageRequest.of(30, null)).items().stream()
                .map(e -> new Entry(
                        e.id(), e.kind(), e.points(), e.balance(), e.source(), e.reason(), e.expiresAt(), e.at()))
                .toList();
    }

    @Transactional(readOnly = true)
    public List<MemberCoupon> coupons(long customerId) {
        members.get(customerId);
        var held = coupons.ofMember(customerId);
        var templates = held.stream()
                .map(Coupon::templateId)
                .distinct()
                .map(coupons::template)
                .collect(Collectors.toMap(CouponTemplate::id, Function.identity()));
        var now = clock.instant();
        return held.stream()
                .map(c -> new MemberCoupon(
                        c.id(),
                        c.code(),
                        c.name(),
                        c.kind(),
                        c.value(),
                        c.maxOff(),
                        c.threshold(),
                        templates.get(c.templateId()).skus(),
                        status(c, now),
                        c.issuedAt(),
                        c.expiresAt(),
                        c.redeemedAt()))
                .toList();
    }

    private static String status(Coupon c, Instant now) {
        if (c.status().equals("redeemed")) {
            return "used";
        }
        // the expiry job runs now and then: a coupon past its date is expired whatever its row says yet
        return c.status().equals("expired") || !c.expiresAt().isAfter(now) ? "expired" : "available";
    }

    /** The mall's active items, with how many are left. */
    @Transactional(readOnly = true)
    public List<Item> items(long customerId) {
        members.get(customerId);
        return mall.items().stream()
                .filter(Mall.Item::active)
                .map(i -> new Item(
                        i.id(),
                        i.name(),
                        i.description(),
                        i.points(),
                        i.cash(),
                        Math.max(0, i.stock() - i.redeemed()),
                        i.perMember()))
                .toList();
    }

    /**
     * Redeems an item for the member's points. The page makes one redemption id per attempt; the same id again
     * (a double tap, a retry after a lost answer) answers the first order and spends nothing more.
     */
    @Transactional
    public Redeemed redeem(long customerId, Redeem in) {
        if (in.redemptionId() == null || !REQUEST_ID.matcher(in.redemptionId()).matches()) {
            throw DomainException.invalid("redemptionId", "loyalty.request-id", 40);
        }
        if (in.itemId() == null) {
            throw DomainException.invalid("itemId", "problem.field.required");
        }
        members.get(customerId);
        // the member's own namespace: a guessed id of someone else's order answers nothing of theirs
        var requestId = "h5-" + customerId + "-" + in.redemptionId();
        var order = mall.order(new Mall.OrderInput(customerId, in.itemId(), requestId), "H5");
        return new Redeemed(
                order.id(),
                order.itemName(),
                order.points(),
                order.status(),
                members.get(customerId).points());
    }
}
