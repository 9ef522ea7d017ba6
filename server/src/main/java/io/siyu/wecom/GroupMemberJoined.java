package io.siyu.wecom;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A customer joined a customer group, published in the transaction that records the join (listeners that must
 * write with it use a plain {@code @EventListener}).
 *
 * @param groupCodeId the group live code they joined through, when the join's state names one
 * @param at when WeCom says they joined
 */
public record GroupMemberJoined(
        long appId,
        String chatId,
        long customerId,
        @Nullable Long groupCodeId,
        Instant at) {}
