package io.siyu.growth;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A physical gift a stage granted a participant, and its way to them: awaiting_address, to_ship, shipped,
 * received; or cancelled before it shipped (its stock given back).
 *
 * @param id the reward's id, as {@code /api/v1/campaigns/{campaign}/rewards/{id}} names it
 * @param customerName as the profile shows it (null: no longer there)
 * @param address null while awaiting one
 * @param carrier and {@code trackingNo}: set once shipped
 */
public record GiftReward(
        long id,
        long campaignId,
        long participantId,
        int stage,
        long customerId,
        @Nullable String customerName,
        String gift,
        String status,
        @Nullable Address address,
        @Nullable String carrier,
        @Nullable String trackingNo,
        Instant grantedAt,
        @Nullable Instant addressedAt,
        @Nullable Instant shippedAt,
        @Nullable Instant receivedAt,
        @Nullable Instant cancelledAt) {

    public static final String AWAITING_ADDRESS = "awaiting_address";
    public static final String TO_SHIP = "to_ship";
    public static final String SHIPPED = "shipped";
    public static final String RECEIVED = "received";
    public static final String CANCELLED = "cancelled";

    /** The same gift, its customer named. */
    GiftReward named(@Nullable String name) {
        return new GiftReward(
                id,
                campaignId,
                participantId,
                stage,
                customerId,
                name,
                gift,
                status,
                address,
                carrier,
                trackingNo,
                grantedAt,
                addressedAt,
                shippedAt,
                receivedAt,
                cancelledAt);
    }

    /**
     * Where the gift goes (mainland China).
     *
     * @param mobile eleven digits, starting 13 to 19
     */
    public record Address(
            String recipient, String mobile, String province, String city, String district, String detail) {}

    /** What a client writes: every field required. */
    public record AddressInput(
            @Nullable String recipient,
            @Nullable String mobile,
            @Nullable String province,
            @Nullable String city,
            @Nullable String district,
            @Nullable String detail) {}

    /** A shipment: the carrier (e.g. 顺丰速运) and its tracking number. */
    public record Shipment(
            @Nullable String carrier, @Nullable String trackingNo) {}
}
