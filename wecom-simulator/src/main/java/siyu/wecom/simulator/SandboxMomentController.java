package siyu.wecom.simulator;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Sandbox: members publishing 客户朋友圈 posts in the client, and what the posts are. */
@RestController
class SandboxMomentController {

    private final CorpStates states;
    private final Moments moments;

    SandboxMomentController(CorpStates states, Moments moments) {
        this.states = states;
        this.moments = moments;
    }

    /**
     * {@code POST /sim/corps/{corpId}/moments/{momentId}/publish {userId}}: the member publishes the post the
     * corp asked for; their chosen customers can see it. 404 unknown, 409 published or cancelled.
     */
    @PostMapping("/sim/corps/{corpId}/moments/{momentId}/publish")
    Map<String, Object> publish(
            @PathVariable String corpId, @PathVariable String momentId, @RequestBody JsonNode json) {
        var userId = SandboxCustomerController.required(new Body(json), "userId");
        var corp = states.known(corpId);
        var task = moments.publish(corp, momentId, userId);
        synchronized (corp) {
            return task(task);
        }
    }

    /**
     * {@code POST /sim/corps/{corpId}/staff/{userId}/moments {text?: {content}, attachments?}}: the member posts
     * on their own (个人发表, create_type 1), seen by all their customers. 201 with the post.
     */
    @PostMapping("/sim/corps/{corpId}/staff/{userId}/moments")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> personal(@PathVariable String corpId, @PathVariable String userId, @RequestBody JsonNode json) {
        var corp = states.known(corpId);
        var moment = moments.createPersonal(corp, userId, new Body(json));
        synchronized (corp) {
            return moment(moment);
        }
    }

    /** {@code GET /sim/corps/{corpId}/moments}: every post with its tasks, oldest first. */
    @GetMapping("/sim/corps/{corpId}/moments")
    List<Map<String, Object>> list(@PathVariable String corpId) {
        var corp = states.known(corpId);
        synchronized (corp) {
            return corp.moments.values().stream()
                    .map(SandboxMomentController::moment)
                    .toList();
        }
    }

    private static Map<String, Object> moment(Moment m) {
        return Json.object(
                "momentId", m.momentId,
                "jobId", m.jobId,
                "createType", m.createType,
                "creator", m.creator,
                "createTime", m.createdAt.getEpochSecond(),
                "visibleType", m.visibleType,
                "text", m.text,
                "attachments", m.attachments,
                "cancelled", m.cancelled,
                "tasks",
                        m.tasks.values().stream()
                                .map(SandboxMomentController::task)
                                .toList());
    }

    private static Map<String, Object> task(Moment.Task t) {
        return Json.object(
                "userId",
                t.userId,
                "published",
                t.published,
                "publishTime",
                t.published ? t.publishTime : null,
                "customers",
                t.customers);
    }
}
