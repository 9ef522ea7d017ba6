package siyu.wecom.simulator;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * 客户朋友圈: add_moment_task, get_moment_task_result (GET with jobid, doc 95094), cancel_moment_task (doc
 * 97612), get_moment_list, get_moment_task, get_moment_customer_list, get_moment_send_result and
 * get_moment_comments (doc 93333).
 */
@RestController
class MomentApi {

    private final Corps corps;
    private final CorpStates states;
    private final Moments moments;
    private final MomentRecords records;

    MomentApi(Corps corps, CorpStates states, Moments moments, MomentRecords records) {
        this.corps = corps;
        this.states = states;
        this.moments = moments;
        this.records = records;
    }

    @PostMapping("/cgi-bin/externalcontact/add_moment_task")
    Map<String, Object> add(
            @RequestParam(name = "access_token", required = false) @Nullable String token, @RequestBody JsonNode json) {
        return Json.ok("jobid", moments.create(corp(token), new Body(json)));
    }

    @GetMapping("/cgi-bin/externalcontact/get_moment_task_result")
    Map<String, Object> jobResult(
            @RequestParam(name = "access_token", required = false) @Nullable String token,
            @RequestParam(required = false) @Nullable String jobid) {
        return records.jobResult(corp(token), jobid);
    }

    @PostMapping("/cgi-bin/externalcontact/cancel_moment_task")
    Map<String, Object> cancel(
            @RequestParam(name = "access_token", required = false) @Nullable String token, @RequestBody JsonNode json) {
        moments.cancel(corp(token), new Body(json));
        return Json.ok();
    }

    @PostMapping("/cgi-bin/externalcontact/get_moment_list")
    Map<String, Object> list(
            @RequestParam(name = "access_token", required = false) @Nullable String token, @RequestBody JsonNode json) {
        return records.list(corp(token), new Body(json));
    }

    @PostMapping("/cgi-bin/externalcontact/get_moment_task")
    Map<String, Object> tasks(
            @RequestParam(name = "access_token", required = false) @Nullable String token, @RequestBody JsonNode json) {
        return records.tasks(corp(token), new Body(json));
    }

    @PostMapping("/cgi-bin/externalcontact/get_moment_customer_list")
    Map<String, Object> customers(
            @RequestParam(name = "access_token", required = false) @Nullable String token, @RequestBody JsonNode json) {
        return records.customers(corp(token), new Body(json), false);
    }

    @PostMapping("/cgi-bin/externalcontact/get_moment_send_result")
    Map<String, Object> sent(
            @RequestParam(name = "access_token", required = false) @Nullable String token, @RequestBody JsonNode json) {
        return records.customers(corp(token), new Body(json), true);
    }

    @PostMapping("/cgi-bin/externalcontact/get_moment_comments")
    Map<String, Object> comments(
            @RequestParam(name = "access_token", required = false) @Nullable String token, @RequestBody JsonNode json) {
        return records.comments(corp(token), new Body(json));
    }

    private Corp corp(@Nullable String token) {
        return states.of(corps.authorizeCustomerContact(token));
    }
}
