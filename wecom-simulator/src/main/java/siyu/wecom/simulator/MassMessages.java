package siyu.wecom.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * 企业群发 (doc 92135, 97610): add_msg_template only makes a task for each sending member; nothing reaches a
 * customer until the member confirms in the client (the sandbox, or at once with the corp's autoConfirm).
 * Confirming delivers to each customer or group still reachable (else status 2) and under the corp's quota
 * (else status 3). remind_groupmsg_send works {@link #MAX_REMINDERS} times in 24 h (then 45009);
 * cancel_groupmsg_send stops asking the members who have not sent.
 */
@Component
class MassMessages {

    static final int MAX_TEXT_BYTES = 4000;
    static final int MAX_REMINDERS = 3;
    static final Duration REMINDER_WINDOW = Duration.ofHours(24);

    private final SimulatedClock clock;
    private final Attachments attachments;

    MassMessages(SimulatedClock clock, Attachments attachments) {
        this.clock = clock;
        this.attachments = attachments;
    }

    /** add_msg_template: {@code {fail_list, msgid}}; 41048 when nobody is left to send to. */
    Map<String, Object> create(Corp corp, Body body) {
        var chatType = body.text("chat_type", "single");
        if (!chatType.equals("single") && !chatType.equals("group")) {
            throw new WeComError(40058, "invalid chat_type");
        }
        synchronized (corp) {
            var message = message(corp, body, chatType, null, body.text("sender"));
            var failList = message.group()
                    ? MassRecipients.groups(corp, message, body)
                    : MassRecipients.customers(corp, message, body);
            if (message.tasks.isEmpty()) {
                throw new WeComError(41048, "no valid customer to send");
            }
            corp.massMessages.put(message.msgid, message);
            if (corp.autoConfirm) {
                message.tasks.values().forEach(task -> deliver(corp, message, task, null));
            }
            return Json.ok("fail_list", failList, "msgid", message.msgid);
        }
    }

    /** A member sends a message of their own in the client (个人发表, create_type 1): it goes out at once. */
    MassMessage createPersonal(Corp corp, String userId, Body body) {
        var chatType = body.text("chatType", "single");
        synchronized (corp) {
            var message = message(corp, body, chatType, corp.member(userId).userId, userId);
            var ids = body.texts(chatType.equals("group") ? "chatIds" : "externalUserIds");
            var request = Body.of(Map.of(chatType.equals("group") ? "chat_id_list" : "external_userid", ids));
            if (chatType.equals("group")) {
                MassRecipients.groups(corp, message, request);
            } else {
                MassRecipients.customers(corp, message, request);
            }
            if (message.tasks.isEmpty()) {
                throw SandboxError.conflict(41048, "no valid customer to send");
            }
            corp.massMessages.put(message.msgid, message);
            message.tasks.values().forEach(task -> deliver(corp, message, task, null));
            return message;
        }
    }

    /** The member confirms their task; {@code select} (with allow_select, or for groups) narrows it. */
    MassMessage.Task send(Corp corp, String msgid, String userId, @Nullable List<String> select) {
        synchronized (corp) {
            var message = corp.massMessages.get(msgid);
            if (message == null) {
                throw SandboxError.notFound("group message " + msgid);
            }
            var task = message.tasks.get(userId);
            if (task == null) {
                throw SandboxError.notFound("task of " + userId + " in " + msgid);
            }
            if (message.cancelled) {
                throw SandboxError.conflict(41047, "the group message was cancelled");
            }
            if (task.status == MassMessage.TASK_SENT) {
                throw SandboxError.conflict(40058, userId + " has already sent " + msgid);
            }
            if (select != null && !message.allowSelect && !message.group()) {
                throw SandboxError.badRequest("select: the message does not allow_select");
            }
            deliver(corp, message, task, select == null ? null : Set.copyOf(select));
            return task;
        }
    }

    void remind(Corp corp, Body body) {
        synchronized (corp) {
            var message = message(corp, body.text("msgid"));
            long now = clock.epochSecond();
            long recent = message.reminders.stream()
                    .filter(t -> t > now - REMINDER_WINDOW.toSeconds())
                    .count();
            if (recent >= MAX_REMINDERS) {
                throw new WeComError(45009, "api freq out of limit: at most 3 reminders in 24 hours");
            }
            message.reminders.add(now);
        }
    }

    void cancel(Corp corp, Body body) {
        synchronized (corp) {
            message(corp, body.text("msgid")).cancelled = true;
        }
    }

    /** The message: 41046 without an id, 41047 for an unknown one. The caller holds the corp. */
    static MassMessage message(Corp corp, @Nullable String msgid) {
        if (msgid == null) {
            throw new WeComError(41046, "missing msgid");
        }
        var message = corp.massMessages.get(msgid);
        if (message == null) {
            throw new WeComError(41047, "invalid msgid");
        }
        return message;
    }

    private MassMessage message(
            Corp corp, Body body, String chatType, @Nullable String creator, @Nullable String sender) {
        var text = body.object("text").text("content");
        var list = body.raw("attachments");
        if (Body.bytes(text) > MAX_TEXT_BYTES) {
            throw new WeComError(45002, "text content exceed max size " + MAX_TEXT_BYTES + " bytes");
        }
        if (text == null && (list == null || list.isEmpty())) {
            throw new WeComError(40058, "text and attachments are both empty");
        }
        attachments.check(corp, list);
        return new MassMessage(
                Ids.massMsgId(),
                chatType,
                creator,
                sender,
                clock.now(),
                text,
                list,
                body.bool("allow_select", body.bool("allowSelect", false)));
    }

    private void deliver(Corp corp, MassMessage message, MassMessage.Task task, @Nullable Set<String> select) {
        var now = clock.now();
        long periodStart = corp.massQuota.periodStart(now).getEpochSecond();
        int limit = corp.massQuota.limit(now);
        for (var delivery : task.deliveries) {
            if (delivery.status != MassMessage.NOT_SENT || select != null && !select.contains(delivery.recipient())) {
                continue;
            }
            if (!reachable(corp, delivery)) {
                delivery.status = MassMessage.NOT_FRIEND;
            } else if (received(corp, delivery.recipient(), periodStart) >= limit) {
                delivery.status = MassMessage.OVER_QUOTA;
            } else {
                delivery.status = MassMessage.SENT;
                delivery.sendTime = now.getEpochSecond();
                corp.massReceived
                        .computeIfAbsent(delivery.recipient(), r -> new ArrayList<>())
                        .add(delivery.sendTime);
                WelcomeMessages.say(
                        corp,
                        delivery.recipient(),
                        new WelcomeMessages.ChatLine(
                                delivery.sendTime,
                                task.userId,
                                "mass",
                                message.text == null ? "" : message.text,
                                message.attachments));
            }
        }
        task.status = MassMessage.TASK_SENT;
        task.sendTime = now.getEpochSecond();
    }

    private static boolean reachable(Corp corp, MassMessage.Delivery delivery) {
        return delivery.externalUserId != null
                ? corp.follow(delivery.userId, delivery.externalUserId).isPresent()
                : corp.groups.containsKey(delivery.chatId);
    }

    /** How many group messages the customer or group received since {@code since}. */
    private static long received(Corp corp, String recipient, long since) {
        return corp.massReceived.getOrDefault(recipient, List.of()).stream()
                .filter(time -> time >= since)
                .count();
    }
}
