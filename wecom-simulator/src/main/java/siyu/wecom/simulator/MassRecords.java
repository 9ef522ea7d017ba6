package siyu.wecom.simulator;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * 获取企业的全部群发记录 (doc 93338): get_groupmsg_list_v2 (a window of at most one month, limit ≤ 100, default
 * 50), get_groupmsg_task and get_groupmsg_send_result (limit ≤ 1000, default 500; a limit over the maximum
 * takes the default, as WeCom does). Within the corp's dispatch delay after a message is made, asking about it
 * answers 41063 (群发消息正在被派发中).
 */
@Component
class MassRecords {

    private final SimulatedClock clock;

    MassRecords(SimulatedClock clock) {
        this.clock = clock;
    }

    Map<String, Object> list(Corp corp, Body body) {
        var chatType = body.text("chat_type", "single");
        if (!chatType.equals("single") && !chatType.equals("group")) {
            throw new WeComError(40058, "invalid chat_type");
        }
        if (!body.has("start_time") || !body.has("end_time")) {
            throw new WeComError(40058, "start_time and end_time are required");
        }
        long start = body.integer("start_time", 0);
        long end = body.integer("end_time", 0);
        var latest = ZonedDateTime.ofInstant(Instant.ofEpochSecond(start), MassQuota.ZONE)
                .plusMonths(1)
                .toEpochSecond();
        if (end < start || end > latest) {
            throw new WeComError(40058, "invalid time range: end_time must be within one month after start_time");
        }
        int filterType = body.integer("filter_type", 2);
        if (filterType < 0 || filterType > 2) {
            throw new WeComError(40058, "invalid filter_type");
        }
        var creator = body.text("creator");
        synchronized (corp) {
            var found = corp.massMessages.values().stream()
                    .filter(m -> m.chatType.equals(chatType))
                    .filter(m -> m.createdAt.getEpochSecond() >= start && m.createdAt.getEpochSecond() <= end)
                    .filter(m -> filterType == 2 || m.createType == filterType)
                    .filter(m -> creator == null || creator.equals(m.creator))
                    .toList();
            var page = Cursor.page(found, body.text("cursor"), limit(body, 100, 50));
            page.page().forEach(m -> dispatched(corp, m));
            var list = page.page().stream().map(MassRecords::json).toList();
            return Json.ok("next_cursor", page.next(), "group_msg_list", list);
        }
    }

    Map<String, Object> tasks(Corp corp, Body body) {
        synchronized (corp) {
            var message = dispatched(corp, MassMessages.message(corp, body.text("msgid")));
            var page = Cursor.page(List.copyOf(message.tasks.values()), body.text("cursor"), limit(body, 1000, 500));
            var list = page.page().stream()
                    .map(t -> Json.object(
                            "userid",
                            t.userId,
                            "status",
                            t.status,
                            "send_time",
                            t.status == MassMessage.TASK_SENT ? t.sendTime : null))
                    .toList();
            return Json.ok("next_cursor", page.next(), "task_list", list);
        }
    }

    /** A member's results; for groups only what was sent (the owner had not chosen the rest). */
    Map<String, Object> results(Corp corp, Body body) {
        synchronized (corp) {
            var message = dispatched(corp, MassMessages.message(corp, body.text("msgid")));
            var userId = body.text("userid");
            if (userId == null) {
                throw new WeComError(41009, "missing userid");
            }
            corp.anyMember(userId);
            var task = message.tasks.get(userId);
            var deliveries = task == null
                    ? List.<MassMessage.Delivery>of()
                    : task.deliveries.stream()
                            .filter(d -> !message.group() || d.status != MassMessage.NOT_SENT)
                            .toList();
            var page = Cursor.page(deliveries, body.text("cursor"), limit(body, 1000, 500));
            var list = page.page().stream()
                    .map(d -> Json.object(
                            "external_userid",
                            d.externalUserId,
                            "chat_id",
                            d.chatId,
                            "userid",
                            d.userId,
                            "status",
                            d.status,
                            "send_time",
                            d.status == MassMessage.SENT ? d.sendTime : null))
                    .toList();
            return Json.ok("next_cursor", page.next(), "send_list", list);
        }
    }

    private MassMessage dispatched(Corp corp, MassMessage message) {
        if (clock.now().isBefore(message.createdAt.plusMillis(corp.dispatchDelayMillis))) {
            throw new WeComError(41063, "msg is dispatching, please try again later");
        }
        return message;
    }

    private static int limit(Body body, int max, int fallback) {
        int limit = body.integer("limit", fallback);
        return limit < 1 || limit > max ? fallback : limit;
    }

    private static Map<String, Object> json(MassMessage m) {
        return Json.object(
                "msgid",
                m.msgid,
                "creator",
                m.creator,
                "create_time",
                String.valueOf(m.createdAt.getEpochSecond()),
                "create_type",
                m.createType,
                "text",
                m.text == null ? null : Json.object("content", m.text),
                "attachments",
                m.attachments);
    }
}
