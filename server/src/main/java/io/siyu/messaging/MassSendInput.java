package io.siyu.messaging;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A mass send as a client writes it. {@code chatType} {@code single} (the default) sends to customers: the
 * audience is one of a saved segment, a segment rule (tags, attributes, events…) or up to 10,000 customer ids,
 * and {@code staff} limits who sends (empty: whoever each customer added last). {@code group} sends to customer
 * groups (客户群): the audience is up to 10,000 {@code chatIds}, or absent for every group, and {@code staff}
 * limits the owners. {@code sendAt} absent or past: now. {@code priority} (low, normal — the default —, high):
 * a message counts against the tenant's caps only messages of its priority or higher.
 */
public record MassSendInput(
        @Nullable Long appId,
        @Nullable String name,
        @Nullable String chatType,
        @Nullable Audience audience,
        @Nullable List<String> staff,
        @Nullable String text,
        @Nullable List<Long> materialIds,
        @Nullable Instant sendAt,
        @Nullable String priority) {

    public record Audience(
            @Nullable Long segmentId,
            @Nullable JsonNode rule,
            @Nullable List<Long> customerIds,
            @Nullable List<String> chatIds) {}

    static final List<String> CHAT_TYPES = List.of("single", "group");

    /** WeCom: text.content at most 4,000 bytes, at most 9 attachments (doc 92135). */
    static final int MAX_TEXT_BYTES = 4_000;

    static final int MAX_MATERIALS = 9;
    static final int MAX_CUSTOMER_IDS = 10_000;
}
