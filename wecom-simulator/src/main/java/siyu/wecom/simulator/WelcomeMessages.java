package siyu.wecom.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Welcome codes and send_welcome_msg (doc 92137): a code is good for {@link #VALIDITY} on the simulated
 * clock and for one message (41049 missing, 41050 invalid or expired, 41051 used). What a customer receives
 * is kept as their chat, for the sandbox to show.
 */
@Component
class WelcomeMessages {

    static final Duration VALIDITY = Duration.ofSeconds(20);
    static final int MAX_TEXT_BYTES = 4000;
    static final int MAX_ATTACHMENTS = 9;
    static final Set<String> ATTACHMENT_TYPES = Set.of("image", "link", "miniprogram", "video", "file");

    /** A welcome code, issued with an add_external_contact event. */
    static final class Code {
        final String code;
        final String userId;
        final String externalUserId;
        final Instant issuedAt;
        boolean used;

        Code(String code, String userId, String externalUserId, Instant issuedAt) {
            this.code = code;
            this.userId = userId;
            this.externalUserId = externalUserId;
            this.issuedAt = issuedAt;
        }
    }

    /**
     * A message a customer (or a group) received from a staff member: kind {@code welcome}, {@code transfer} or
     * {@code mass} (企业群发).
     */
    record ChatLine(
            long time,
            String from,
            String kind,
            String text,
            @Nullable JsonNode attachments) {}

    private final SimulatedClock clock;

    WelcomeMessages(SimulatedClock clock) {
        this.clock = clock;
    }

    /** A new code for a relation just made; the caller holds the corp. */
    String issue(Corp corp, String userId, String externalUserId) {
        var code = new Code(Ids.welcomeCode(), userId, externalUserId, clock.now());
        corp.welcomeCodes.put(code.code, code);
        return code.code;
    }

    void send(Corp corp, Body body) {
        var text = body.object("text").text("content");
        var attachments = body.raw("attachments");
        check(text, attachments);
        synchronized (corp) {
            var code = valid(corp, body.text("welcome_code"));
            code.used = true;
            say(
                    corp,
                    code.externalUserId,
                    new ChatLine(clock.epochSecond(), code.userId, "welcome", text == null ? "" : text, attachments));
        }
    }

    /** Adds a line to the customer's chat; the caller holds the corp. */
    static void say(Corp corp, String externalUserId, ChatLine line) {
        corp.chats.computeIfAbsent(externalUserId, id -> new ArrayList<>()).add(line);
    }

    List<ChatLine> chat(Corp corp, String externalUserId) {
        synchronized (corp) {
            return List.copyOf(corp.chats.getOrDefault(externalUserId, List.of()));
        }
    }

    private Code valid(Corp corp, @Nullable String welcomeCode) {
        if (welcomeCode == null) {
            throw new WeComError(41049, "missing welcome code");
        }
        var code = corp.welcomeCodes.get(welcomeCode);
        if (code == null || !clock.now().isBefore(code.issuedAt.plus(VALIDITY))) {
            throw new WeComError(41050, "invalid welcome code");
        }
        if (code.used) {
            throw new WeComError(41051, "externaluser has started chatting");
        }
        return code;
    }

    private static void check(@Nullable String text, @Nullable JsonNode attachments) {
        if (Body.bytes(text) > MAX_TEXT_BYTES) {
            throw new WeComError(45002, "text content exceed max size " + MAX_TEXT_BYTES + " bytes");
        }
        if (attachments != null && !attachments.isArray()) {
            throw Body.dataFormat();
        }
        if (attachments != null && attachments.size() > MAX_ATTACHMENTS) {
            throw new WeComError(40058, "attachments exceed max size " + MAX_ATTACHMENTS);
        }
        if (text == null && (attachments == null || attachments.isEmpty())) {
            throw new WeComError(40058, "text and attachments are both empty");
        }
        if (attachments != null) {
            for (var attachment : attachments) {
                var type = attachment.path("msgtype").asString();
                if (!ATTACHMENT_TYPES.contains(type) || !attachment.has(type)) {
                    throw new WeComError(41065, "invalid attachment type");
                }
            }
        }
    }
}
