package io.siyu.wecom;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A channel live code (渠道活码): a WeCom 联系我 QR code whose adds Siyu traces by its {@code state}, sends to
 * staff by its rules, tags and greets.
 *
 * @param kind {@code channel}; {@code store} (门店活码, one per store, made from a parent code) or
 *     {@code personal} (千人千面码, one per customer who shares the parent code)
 * @param routedTo whom the WeCom code points at now
 */
public record ChannelCode(
        long id,
        long appId,
        @Nullable Long parentId,
        String kind,
        String name,
        @Nullable String store,
        @Nullable Long sharerCustomerId,
        String state,
        List<String> staff,
        List<String> backupStaff,
        String assignment,
        @Nullable Integer dailyCap,
        @Nullable Hours schedule,
        boolean skipVerify,
        List<Integer> tagIds,
        @Nullable Welcome welcome,
        @Nullable String configId,
        @Nullable String qrUrl,
        List<String> routedTo,
        boolean disabled,
        Instant createdAt,
        Instant updatedAt) {

    /** Working hours: days of the week (1 Monday … 7 Sunday), from and to as {@code HH:mm}. */
    public record Hours(Set<Integer> days, String from, String to) {}

    /**
     * The welcome message sent with the customer's welcome code: text with {@code {nickname}} and
     * {@code {staff}} replaced, and up to 9 attachments.
     */
    public record Welcome(String text, List<Attachment> attachments) {}

    /**
     * An attachment: {@code image} (picUrl), {@code link} (title, url, picUrl, description) or
     * {@code miniprogram} (title, appId, page, picMediaId).
     */
    public record Attachment(
            String type,
            @Nullable String title,
            @Nullable String url,
            @Nullable String picUrl,
            @Nullable String description,
            @Nullable String appId,
            @Nullable String page,
            @Nullable String picMediaId) {}
}
