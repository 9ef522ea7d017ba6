package siyu.wecom.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * What 客户朋友圈 calls read (doc 95094, 93333): the creation job's result (status 2 while the corp's dispatch
 * delay lasts, then 3 with the moment_id), get_moment_list (a window of at most 30 days, limit ≤ 20),
 * get_moment_task (corp posts only), get_moment_customer_list and get_moment_send_result, and
 * get_moment_comments (nobody comments in the simulator; 41062 before the member published).
 */
@Component
class MomentRecords {

    static final Duration WINDOW = Duration.ofDays(30);

    private final SimulatedClock clock;

    MomentRecords(SimulatedClock clock) {
        this.clock = clock;
    }

    Map<String, Object> jobResult(Corp corp, @Nullable String jobId) {
        synchronized (corp) {
            var moment = corp.moments.values().stream()
                    .filter(m -> m.jobId.equals(jobId))
                    .findFirst()
                    .orElseThrow(() -> new WeComError(40088, "invalid jobid"));
            if (clock.now().isBefore(moment.createdAt.plusMillis(corp.dispatchDelayMillis))) {
                return Json.ok("status", 2, "type", "add_moment_task");
            }
            var result = Json.object(
                    "errcode",
                    0,
                    "errmsg",
                    "ok",
                    "moment_id",
                    moment.momentId,
                    "invalid_sender_list",
                    Json.object("user_list", moment.invalidUsers, "department_list", moment.invalidDepartments),
                    "invalid_external_contact_list",
                    Json.object("tag_list", moment.invalidTags));
            return Json.ok("status", 3, "type", "add_moment_task", "result", result);
        }
    }

    Map<String, Object> list(Corp corp, Body body) {
        if (!body.has("start_time") || !body.has("end_time")) {
            throw new WeComError(40058, "start_time and end_time are required");
        }
        long start = body.integer("start_time", 0);
        long end = body.integer("end_time", 0);
        if (end < start || end - start > WINDOW.toSeconds()) {
            throw new WeComError(40058, "invalid time range: at most 30 days");
        }
        int filterType = body.integer("filter_type", 2);
        var creator = body.text("creator");
        synchronized (corp) {
            var found = corp.moments.values().stream()
                    .filter(m -> m.createdAt.getEpochSecond() >= start && m.createdAt.getEpochSecond() <= end)
                    .filter(m -> filterType == 2 || m.createType == filterType)
                    .filter(m -> creator == null || creator.equals(m.creator))
                    .toList();
            var page = Cursor.page(found, body.text("cursor"), limit(body, 20, 20));
            var list = page.page().stream().map(MomentRecords::json).toList();
            return Json.ok("next_cursor", page.next(), "moment_list", list);
        }
    }

    Map<String, Object> tasks(Corp corp, Body body) {
        synchronized (corp) {
            var moment = Moments.moment(corp, body.text("moment_id"));
            if (moment.createType != 0) {
                throw new WeComError(41060, "invalid moment_id: not made by the corp");
            }
            var page = Cursor.page(List.copyOf(moment.tasks.values()), body.text("cursor"), limit(body, 1000, 500));
            var list = page.page().stream()
                    .map(t -> Json.object("userid", t.userId, "publish_status", t.published ? 1 : 0))
                    .toList();
            return Json.ok("next_cursor", page.next(), "task_list", list);
        }
    }

    /** get_moment_customer_list, or with {@code sent} get_moment_send_result (only once published). */
    Map<String, Object> customers(Corp corp, Body body, boolean sent) {
        synchronized (corp) {
            var moment = Moments.moment(corp, body.text("moment_id"));
            var userId = body.text("userid");
            if (userId == null) {
                throw new WeComError(41009, "missing userid");
            }
            corp.anyMember(userId);
            var task = moment.tasks.get(userId);
            var customers = task == null || sent && !task.published ? List.<String>of() : task.customers;
            var page = Cursor.page(
                    customers, body.text("cursor"), sent ? limit(body, 5000, 3000) : limit(body, 1000, 500));
            var list = page.page().stream()
                    .map(id -> sent
                            ? Json.object("external_userid", id)
                            : Json.object("userid", userId, "external_userid", id))
                    .toList();
            return Json.ok("next_cursor", page.next(), "customer_list", list);
        }
    }

    Map<String, Object> comments(Corp corp, Body body) {
        synchronized (corp) {
            var moment = Moments.moment(corp, body.text("moment_id"));
            var task = moment.tasks.get(corp.anyMember(body.text("userid")).userId);
            if (task == null) {
                throw new WeComError(41061, "invalid userid: the moment was not published by this member");
            }
            if (!task.published) {
                throw new WeComError(41062, "the moment has not been published by this member");
            }
            return Json.ok("comment_list", List.of(), "like_list", List.of());
        }
    }

    private static int limit(Body body, int max, int fallback) {
        int limit = body.integer("limit", fallback);
        return limit < 1 || limit > max ? fallback : limit;
    }

    private static Map<String, Object> json(Moment m) {
        var answer = Json.object(
                "moment_id",
                m.momentId,
                "creator",
                m.creator,
                "create_time",
                String.valueOf(m.createdAt.getEpochSecond()),
                "create_type",
                m.createType,
                "visible_type",
                m.visibleType,
                "text",
                m.text == null ? null : Json.object("content", m.text));
        var images = new ArrayList<Map<String, Object>>();
        if (m.attachments != null) {
            for (JsonNode a : m.attachments) {
                var type = a.path("msgtype").asString("");
                var mediaId = a.path(type).path("media_id").asString("");
                switch (type) {
                    case "image" -> images.add(Json.object("media_id", mediaId));
                    case "video" -> answer.put("video", Json.object("media_id", mediaId, "thumb_media_id", mediaId));
                    case "link" ->
                        answer.put(
                                "link",
                                Json.object(
                                        "title", a.path("link").path("title").asString(""),
                                        "url", a.path("link").path("url").asString("")));
                    default -> {}
                }
            }
        }
        if (!images.isEmpty()) {
            answer.put("image", images);
        }
        return answer;
    }
}
