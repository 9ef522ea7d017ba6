package io.siyu.messaging;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A mass send as a client writes it. The audience is one of a saved segment, a segment rule (tags, attributes,
 * events…) or up to 10,000 customer ids; {@code staff} limits who sends (empty: whoever each customer added
 * last); {@code sendAt} absent or past: now.
 */
public record MassSendInput(
        @Nullable Long appId,
        @Nullable String name,
        @Nullable Audience audience,
        @Nullable List<String> staff,
        @Nullable String text,
        @Nullable List<Long> materialIds,
        @Nullable Instant sendAt) {

    public record Audience(
            @Nullable Long segmentId,
            @Nullable JsonNode rule,
            @Nullable List<Long> customerIds) {}

    static final int MAX_NAME = 30;
    /** WeCom: text.content at most 4,000 bytes, at most 9 attachments (doc 92135). */
    static final int MAX_TEXT_BYTES = 4_000;

    static final int MAX_MATERIALS = 9;
    static final int MAX_CUSTOMER_IDS = 10_000;
}
