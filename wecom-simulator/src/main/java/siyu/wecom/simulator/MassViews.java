package siyu.wecom.simulator;

import java.util.Map;

/** 企业群发 as the sandbox shows them (camelCase, the simulator's own shape). The caller holds the corp. */
final class MassViews {

    private MassViews() {}

    static Map<String, Object> message(MassMessage m) {
        return Json.object(
                "msgid", m.msgid,
                "chatType", m.chatType,
                "createType", m.createType,
                "creator", m.creator,
                "sender", m.sender,
                "createTime", m.createdAt.getEpochSecond(),
                "text", m.text,
                "attachments", m.attachments,
                "allowSelect", m.allowSelect,
                "cancelled", m.cancelled,
                "reminders", m.reminders.size(),
                "tasks", m.tasks.values().stream().map(MassViews::task).toList());
    }

    static Map<String, Object> task(MassMessage.Task t) {
        var deliveries = t.deliveries.stream()
                .map(d -> Json.object(
                        "externalUserId", d.externalUserId,
                        "chatId", d.chatId,
                        "status", d.status,
                        "sendTime", d.status == MassMessage.SENT ? d.sendTime : null))
                .toList();
        return Json.object(
                "userId",
                t.userId,
                "status",
                t.status,
                "sendTime",
                t.status == MassMessage.TASK_SENT ? t.sendTime : null,
                "deliveries",
                deliveries);
    }

    static Map<String, Object> pending(MassMessage m, MassMessage.Task t) {
        return Json.object(
                "msgid", m.msgid,
                "chatType", m.chatType,
                "createTime", m.createdAt.getEpochSecond(),
                "text", m.text,
                "attachments", m.attachments,
                "allowSelect", m.allowSelect,
                "reminders", m.reminders.size(),
                "recipients",
                        t.deliveries.stream()
                                .map(MassMessage.Delivery::recipient)
                                .toList());
    }
}
