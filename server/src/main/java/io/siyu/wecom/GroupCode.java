package io.siyu.wecom;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A group live code (群活码): a WeCom 加入群聊 QR code over a list of groups, filled in order, that Siyu moves
 * on before a group is full. Joins through it are traced by its {@code state} ({@code g<id>}).
 *
 * @param groups the code's groups (chat ids) in the order they are filled; groups WeCom made when
 *     {@code autoCreateRoom} is on are added at the end
 * @param threshold members at which a group is skipped (WeCom's cap is 200)
 * @param fallbackCodeId a channel live code (联系我) shown instead while every group is at the threshold
 * @param routedTo the join way's chat_id_list now: the next at most 5 groups below the threshold
 * @param full every group is at the threshold
 * @param fallback full, without autoCreateRoom, and with a fallback code: the fallback code is shown
 */
public record GroupCode(
        long id,
        long appId,
        String name,
        String state,
        List<String> groups,
        int threshold,
        @Nullable Long fallbackCodeId,
        boolean autoCreateRoom,
        @Nullable String roomBaseName,
        @Nullable Integer roomBaseId,
        @Nullable String configId,
        @Nullable String qrUrl,
        List<String> routedTo,
        boolean full,
        boolean fallback,
        @Nullable String routeError,
        Instant createdAt,
        Instant updatedAt) {

    /** WeCom's limit: a join way names at most this many groups. */
    public static final int WAY_GROUPS = 5;
    /** WeCom's cap of members in a customer group. */
    public static final int CAPACITY = 200;

    public static final int DEFAULT_THRESHOLD = 190;
}
