package io.siyu.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A 企业群发 to customers ({@code chatType} single) or to customer groups (group): its audience, what it says,
 * when, and how far it got.
 *
 * @param status scheduled, sending (planned and being handed to WeCom), sent (every staff member's share
 *     handed over or refused), cancelled, failed
 * @param recipients customers by status: planned, submitted, delivered, not_friend, over_quota, unsent, failed,
 *     cancelled; held back: opted_out, no_contact, quota, frequency, duplicate. For a group send, groups by
 *     status: planned, submitted, delivered, dismissed, over_quota, unsent, failed, cancelled; held back:
 *     no_owner, quota, duplicate
 */
public record MassSend(
        long id,
        long appId,
        String name,
        String chatType,
        String priority,
        JsonNode audience,
        List<String> staff,
        String text,
        List<Long> materialIds,
        Instant sendAt,
        String status,
        @Nullable String error,
        @Nullable String createdBy,
        Instant createdAt,
        @Nullable Instant plannedAt,
        @Nullable Instant finishedAt,
        Map<String, Long> recipients) {

    /** A staff member's share: the WeCom task(s) made for them and what came of them. */
    public record StaffShare(
            String userId,
            String name,
            int parts,
            String status,
            long recipients,
            long delivered,
            long failed,
            @Nullable Instant submittedAt,
            @Nullable Instant staffSentAt,
            int reminders,
            @Nullable String error) {}

    public record Detail(MassSend send, List<StaffShare> staff) {}
}
