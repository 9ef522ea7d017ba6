package siyu.wecom.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A 企业群发 message (doc 92135/93338): made by the API (create_type 0, no creator) or by a member in the
 * client (create_type 1, creator = the member). It holds one task per sending member and, in each, one
 * delivery per customer (chat_type single) or per 客户群 (group).
 */
final class MassMessage {

    static final int NOT_SENT = 0;
    static final int TASK_SENT = 2;
    static final int SENT = 1;
    static final int NOT_FRIEND = 2;
    static final int OVER_QUOTA = 3;

    /** What one customer or group got from one member: status 0 未发送, 1 已发送, 2 不是好友, 3 已收到其他群发. */
    static final class Delivery {
        final String userId;
        final @Nullable String externalUserId;
        final @Nullable String chatId;
        int status = NOT_SENT;
        long sendTime;

        Delivery(String userId, @Nullable String externalUserId, @Nullable String chatId) {
            this.userId = userId;
            this.externalUserId = externalUserId;
            this.chatId = chatId;
        }

        /** The customer or the group. */
        String recipient() {
            return externalUserId != null ? externalUserId : java.util.Objects.requireNonNull(chatId);
        }
    }

    /** One member's part: status 0 未发送 or 2 已发送; a cancelled message stops asking (status stays 0). */
    static final class Task {
        final String userId;
        final List<Delivery> deliveries = new ArrayList<>();
        int status = NOT_SENT;
        long sendTime;

        Task(String userId) {
            this.userId = userId;
        }
    }

    final String msgid;
    final String chatType;
    final int createType;
    final @Nullable String creator;
    final @Nullable String sender;
    final Instant createdAt;
    final @Nullable String text;
    final @Nullable JsonNode attachments;
    final boolean allowSelect;
    final Map<String, Task> tasks = new LinkedHashMap<>();
    final List<Long> reminders = new ArrayList<>();
    boolean cancelled;

    MassMessage(
            String msgid,
            String chatType,
            @Nullable String creator,
            @Nullable String sender,
            Instant createdAt,
            @Nullable String text,
            @Nullable JsonNode attachments,
            boolean allowSelect) {
        this.msgid = msgid;
        this.chatType = chatType;
        this.createType = creator == null ? 0 : 1;
        this.creator = creator;
        this.sender = sender;
        this.createdAt = createdAt;
        this.text = text;
        this.attachments = attachments;
        this.allowSelect = allowSelect;
    }

    Task task(String userId) {
        return tasks.computeIfAbsent(userId, Task::new);
    }

    boolean group() {
        return chatType.equals("group");
    }
}
