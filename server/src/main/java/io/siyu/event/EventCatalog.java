package io.siyu.event;

import static io.siyu.event.PropertySpec.Kind.DATETIME;
import static io.siyu.event.PropertySpec.Kind.INTEGER;
import static io.siyu.event.PropertySpec.Kind.NUMBER;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The event types a tenant can send: the built-in types (codes 0–12, matching
 * {@link EventType}) and, in later work, the tenant's own types (codes from 100).
 */
@Service
public class EventCatalog {

    static final List<EventTypeDefinition> BUILT_IN = List.of(
            new EventTypeDefinition(
                    EventType.VIEW.code(),
                    "view",
                    true,
                    Map.of(
                            "page", PropertySpec.string(512),
                            "productId", PropertySpec.string(64),
                            "contentId", PropertySpec.string(64),
                            "durationSeconds", PropertySpec.of(NUMBER))),
            new EventTypeDefinition(
                    EventType.FAVORITE.code(),
                    "favorite",
                    true,
                    Map.of("productId", PropertySpec.string(64).mandatory())),
            new EventTypeDefinition(
                    EventType.ADD_TO_CART.code(),
                    "add_to_cart",
                    true,
                    Map.of(
                            "productId", PropertySpec.string(64).mandatory(),
                            "quantity", PropertySpec.of(INTEGER),
                            "price", PropertySpec.of(NUMBER))),
            new EventTypeDefinition(
                    EventType.PURCHASE.code(),
                    "purchase",
                    true,
                    Map.of(
                            "orderId", PropertySpec.string(64).mandatory(),
                            "amount", PropertySpec.of(NUMBER).mandatory(),
                            "currency", PropertySpec.oneOf("CNY", "HKD", "USD"),
                            "paidAt", PropertySpec.of(DATETIME),
                            "distributorCode", PropertySpec.string(64))),
            new EventTypeDefinition(
                    EventType.SHARE.code(),
                    "share",
                    true,
                    Map.of(
                            "channel", PropertySpec.oneOf("moments", "chat", "group", "other"),
                            "contentId", PropertySpec.string(64))),
            new EventTypeDefinition(
                    EventType.MESSAGE.code(),
                    "message",
                    true,
                    Map.of(
                            "staffId", PropertySpec.string(64),
                            "direction", PropertySpec.oneOf("in", "out"))),
            new EventTypeDefinition(
                    EventType.REFUND.code(),
                    "refund",
                    true,
                    Map.of(
                            "orderId", PropertySpec.string(64).mandatory(),
                            "refundId", PropertySpec.string(64),
                            "amount", PropertySpec.of(NUMBER).mandatory(),
                            "currency", PropertySpec.oneOf("CNY", "HKD", "USD"))),
            new EventTypeDefinition(
                    EventType.WECOM_ADD.code(),
                    "wecom_add",
                    true,
                    Map.of(
                            "staffId", PropertySpec.string(64).mandatory(),
                            "state", PropertySpec.string(30),
                            "channelCodeId", PropertySpec.of(INTEGER),
                            "addWay", PropertySpec.of(INTEGER))),
            new EventTypeDefinition(
                    EventType.WECOM_LOSS.code(),
                    "wecom_loss",
                    true,
                    Map.of(
                            "staffId", PropertySpec.string(64).mandatory(),
                            "by", PropertySpec.oneOf("customer", "staff", "transfer"),
                            "channelCodeId", PropertySpec.of(INTEGER),
                            "days", PropertySpec.of(INTEGER))),
            new EventTypeDefinition(
                    EventType.POINTS_EXPIRING.code(),
                    "points_expiring",
                    true,
                    Map.of(
                            "points", PropertySpec.of(INTEGER).mandatory(),
                            "expiresAt", PropertySpec.of(DATETIME).mandatory(),
                            "balance", PropertySpec.of(INTEGER))),
            new EventTypeDefinition(
                    EventType.TIER_CHANGE.code(),
                    "tier_change",
                    true,
                    Map.of(
                            "from", PropertySpec.of(INTEGER),
                            "to", PropertySpec.of(INTEGER).mandatory(),
                            "direction", PropertySpec.oneOf("up", "down"))),
            new EventTypeDefinition(
                    EventType.CHECK_IN.code(),
                    "check_in",
                    true,
                    Map.of(
                            "place",
                            PropertySpec.oneOf("mini_program", "store", "h5", "other"),
                            "storeId",
                            PropertySpec.string(64))),
            new EventTypeDefinition(
                    EventType.REVIEW.code(),
                    "review",
                    true,
                    Map.of(
                            "rating", PropertySpec.of(INTEGER).mandatory(),
                            "orderId", PropertySpec.string(64),
                            "productId", PropertySpec.string(64),
                            "withPhotos", PropertySpec.of(PropertySpec.Kind.BOOLEAN))),
            new EventTypeDefinition(
                    EventType.TIER_DROP_WARNING.code(),
                    "tier_drop_warning",
                    true,
                    Map.of(
                            "tier", PropertySpec.of(INTEGER).mandatory(),
                            "keepGrowth", PropertySpec.of(INTEGER).mandatory(),
                            "windowGrowth", PropertySpec.of(INTEGER).mandatory(),
                            "growthNeeded", PropertySpec.of(INTEGER).mandatory(),
                            "leavesAt", PropertySpec.of(DATETIME).mandatory())),
            new EventTypeDefinition(
                    EventType.MEMBER_ANNIVERSARY.code(),
                    "member_anniversary",
                    true,
                    Map.of(
                            "years", PropertySpec.of(INTEGER).mandatory(),
                            "memberSince", PropertySpec.of(DATETIME).mandatory(),
                            "points", PropertySpec.of(INTEGER),
                            "couponCode", PropertySpec.string(32))),
            new EventTypeDefinition(
                    EventType.CARD_EXPIRING.code(),
                    "card_expiring",
                    true,
                    Map.of(
                            "planId", PropertySpec.of(INTEGER).mandatory(),
                            "planName", PropertySpec.string(30),
                            "validUntil", PropertySpec.of(DATETIME).mandatory(),
                            "daysLeft", PropertySpec.of(INTEGER).mandatory())));

    @Transactional(readOnly = true)
    public List<EventTypeDefinition> all() {
        return BUILT_IN;
    }

    @Transactional(readOnly = true)
    public Map<String, EventTypeDefinition> byName() {
        var byName = new LinkedHashMap<String, EventTypeDefinition>();
        all().forEach(type -> byName.put(type.name(), type));
        return byName;
    }
}
