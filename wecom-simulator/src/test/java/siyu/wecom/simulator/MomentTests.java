package siyu.wecom.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class MomentTests {

    @Test
    void aTaskAnswersAJobWhoseResultNamesTheMomentAndTheInvalidIds() {
        var corp = Simulator.demoCorp();
        var tag = tag(corp);

        var jobid = corp.post(
                        "externalcontact/add_moment_task",
                        Map.of(
                                "text",
                                Map.of("content", "新品上市"),
                                "attachments",
                                List.of(image(corp)),
                                "visible_range",
                                Map.of(
                                        "sender_list",
                                        Map.of("user_list", List.of("lina", "nobody"), "department_list", List.of(99)),
                                        "external_contact_list",
                                        Map.of("tag_list", List.of(tag, "etnope")))))
                .path("jobid")
                .asString();
        var job = corp.get("externalcontact/get_moment_task_result", "jobid=" + jobid);
        var unknown = corp.get("externalcontact/get_moment_task_result", "jobid=nope");

        assertThat(job.path("errcode").asInt()).isZero();
        assertThat(job.path("status").asInt()).isEqualTo(3);
        assertThat(job.path("type").asString()).isEqualTo("add_moment_task");
        assertThat(job.path("result").path("moment_id").asString()).startsWith("mom");
        assertThat(job.path("result")
                        .path("invalid_sender_list")
                        .path("user_list")
                        .get(0)
                        .asString())
                .isEqualTo("nobody");
        assertThat(job.path("result")
                        .path("invalid_sender_list")
                        .path("department_list")
                        .get(0)
                        .asInt())
                .isEqualTo(99);
        assertThat(job.path("result")
                        .path("invalid_external_contact_list")
                        .path("tag_list")
                        .get(0)
                        .asString())
                .isEqualTo("etnope");
        assertThat(unknown.path("errcode").asInt()).isEqualTo(40088);
    }

    @Test
    void theSendersTaggedCustomersSeeItOnceTheyPublish() {
        var corp = Simulator.demoCorp();
        var tag = tag(corp);
        var tagged = Mass.customerOf(corp, "lina");
        Mass.customerOf(corp, "lina");
        corp.post(
                "externalcontact/mark_tag",
                Map.of("userid", "lina", "external_userid", tagged, "add_tag", List.of(tag)));
        var momentId = momentOf(
                corp,
                Map.of(
                        "text",
                        Map.of("content", "会员日"),
                        "visible_range",
                        Map.of(
                                "sender_list",
                                Map.of("user_list", List.of("lina")),
                                "external_contact_list",
                                Map.of("tag_list", List.of(tag)))));
        var query = Map.of("moment_id", momentId, "userid", "lina");

        var visible = corp.post("externalcontact/get_moment_customer_list", query);
        var before = corp.post("externalcontact/get_moment_send_result", query);
        var taskBefore = corp.post("externalcontact/get_moment_task", Map.of("moment_id", momentId));
        var published = corp.sim("POST", "/moments/" + momentId + "/publish", Map.of("userId", "lina"));
        var after = corp.post("externalcontact/get_moment_send_result", query);
        var taskAfter = corp.post("externalcontact/get_moment_task", Map.of("moment_id", momentId));
        var again = corp.sim("POST", "/moments/" + momentId + "/publish", Map.of("userId", "lina"));

        assertThat(visible.path("customer_list"))
                .extracting(c -> c.path("external_userid").asString())
                .containsExactly(tagged);
        assertThat(visible.path("customer_list").get(0).path("userid").asString())
                .isEqualTo("lina");
        assertThat(before.path("customer_list")).isEmpty();
        assertThat(taskBefore.path("task_list").get(0).path("publish_status").asInt())
                .isZero();
        assertThat(published.status()).isEqualTo(200);
        assertThat(after.path("customer_list").get(0).path("external_userid").asString())
                .isEqualTo(tagged);
        assertThat(taskAfter.path("task_list").get(0).path("publish_status").asInt())
                .isEqualTo(1);
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void withoutAVisibleRangeEveryMemberIsAskedAndItIsPublic() {
        var corp = Simulator.demoCorp();

        var momentId = momentOf(corp, Map.of("text", Map.of("content", "您好")));
        var tasks = corp.post("externalcontact/get_moment_task", Map.of("moment_id", momentId))
                .path("task_list");
        long now = Mass.now().getEpochSecond();
        var listed = corp.post("externalcontact/get_moment_list", Map.of("start_time", now - 60, "end_time", now + 60))
                .path("moment_list")
                .get(0);

        assertThat(tasks).hasSize(8);
        assertThat(listed.path("visible_type").asInt()).isEqualTo(1);
    }

    @Test
    void theContentIsCheckedLikeWeComChecksIt() {
        var corp = Simulator.demoCorp();
        var image = image(corp);
        var link = Map.of(
                "msgtype",
                "link",
                "link",
                Map.of("title", "t", "url", "https://e.com", "media_id", attachmentId(corp)));
        var uploaded = corp.imageMediaId();

        assertThat(errcode(corp, Map.of("content", "字".repeat(2001)), List.of()))
                .isEqualTo(40058);
        assertThat(errcode(corp, Map.of(), List.of())).isEqualTo(40058);
        assertThat(errcode(corp, Map.of(), List.of(image, link))).isEqualTo(40058);
        assertThat(errcode(corp, Map.of(), Collections.nCopies(10, image))).isEqualTo(40058);
        assertThat(errcode(corp, Map.of(), Collections.nCopies(9, image))).isZero();
        assertThat(errcode(corp, Map.of(), List.of(link, link))).isEqualTo(40058);
        assertThat(errcode(corp, Map.of(), List.of(Map.of("msgtype", "video", "video", Map.of()))))
                .isEqualTo(40058);
        assertThat(errcode(corp, Map.of(), List.of(Map.of("msgtype", "image", "image", Map.of("media_id", uploaded)))))
                .isEqualTo(40007);
    }

    @Test
    void theListShowsCorpPostsWithoutACreatorAndMembersOwnWithOne() {
        var corp = Simulator.demoCorp();
        Mass.customerOf(corp, "lina");
        var corpMade = momentOf(corp, Map.of("text", Map.of("content", "企业发表")));
        var own = corp.sim("POST", "/staff/lina/moments", Map.of("text", Map.of("content", "我的朋友圈")));
        long now = Mass.now().getEpochSecond();

        var all = corp.post("externalcontact/get_moment_list", Map.of("start_time", now - 60, "end_time", now + 60))
                .path("moment_list");
        var personal = corp.post(
                        "externalcontact/get_moment_list",
                        Map.of("start_time", now - 60, "end_time", now + 60, "filter_type", 1))
                .path("moment_list");
        var tooLong =
                corp.post("externalcontact/get_moment_list", Map.of("start_time", now - 31 * 86_400, "end_time", now));
        var personalTask = corp.post(
                "externalcontact/get_moment_task",
                Map.of("moment_id", own.json().path("momentId").asString()));

        assertThat(own.status()).isEqualTo(201);
        assertThat(all).hasSize(2);
        assertThat(all.get(0).path("moment_id").asString()).isEqualTo(corpMade);
        assertThat(all.get(0).has("creator")).isFalse();
        assertThat(all.get(0).path("create_type").asInt()).isZero();
        assertThat(all.get(0).path("create_time").asString()).matches("\\d{10}");
        assertThat(personal).hasSize(1);
        assertThat(personal.get(0).path("creator").asString()).isEqualTo("lina");
        assertThat(tooLong.path("errcode").asInt()).isEqualTo(40058);
        assertThat(personalTask.path("errcode").asInt()).isEqualTo(41060);
    }

    @Test
    void aMissingMomentIdIs41059AndAnUnknownOne41060() {
        var corp = Simulator.demoCorp();

        assertThat(corp.post("externalcontact/get_moment_task", Map.of())
                        .path("errcode")
                        .asInt())
                .isEqualTo(41059);
        assertThat(corp.post("externalcontact/cancel_moment_task", Map.of("moment_id", "momnope"))
                        .path("errcode")
                        .asInt())
                .isEqualTo(41060);
    }

    @Test
    void aCancelledPostCanNoLongerBePublishedAndCommentsWaitForPublishing() {
        var corp = Simulator.demoCorp();
        var momentId = momentOf(corp, Map.of("text", Map.of("content", "您好")));
        var comments =
                corp.post("externalcontact/get_moment_comments", Map.of("moment_id", momentId, "userid", "lina"));

        var cancel = corp.post("externalcontact/cancel_moment_task", Map.of("moment_id", momentId));
        var late = corp.sim("POST", "/moments/" + momentId + "/publish", Map.of("userId", "lina"));

        assertThat(comments.path("errcode").asInt()).isEqualTo(41062);
        assertThat(cancel.path("errcode").asInt()).isZero();
        assertThat(late.status()).isEqualTo(409);
    }

    @Test
    void theJobIsStillRunningWithinTheDispatchDelayAndAutoConfirmPublishesAtOnce() {
        var corp = Simulator.demoCorp();
        corp.sim("POST", "/limits", Map.of("dispatchDelayMillis", 60_000, "autoConfirm", true));

        var jobid = corp.post("externalcontact/add_moment_task", Map.of("text", Map.of("content", "您好")))
                .path("jobid")
                .asString();
        var running = corp.get("externalcontact/get_moment_task_result", "jobid=" + jobid);
        var posts = corp.sim("GET", "/moments", null).json();

        assertThat(running.path("status").asInt()).isEqualTo(2);
        assertThat(running.has("result")).isFalse();
        assertThat(posts.get(0).path("tasks")).allMatch(t -> t.path("published").asBoolean());
    }

    private static String tag(TestCorp corp) {
        return corp.post(
                        "externalcontact/add_corp_tag",
                        Map.of("group_name", "等级", "tag", List.of(Map.of("name", "金卡"))))
                .path("tag_group")
                .path("tag")
                .get(0)
                .path("id")
                .asString();
    }

    private static Map<String, Object> image(TestCorp corp) {
        return Map.of("msgtype", "image", "image", Map.of("media_id", attachmentId(corp)));
    }

    private static String attachmentId(TestCorp corp) {
        var answer = Simulator.upload(
                        "/cgi-bin/media/upload_attachment?access_token=" + corp.accessToken
                                + "&media_type=image&attachment_type=1",
                        "a.png",
                        Media.png(100))
                .json();
        return answer.path("media_id").asString();
    }

    private static String momentOf(TestCorp corp, Map<String, Object> body) {
        var jobid =
                corp.post("externalcontact/add_moment_task", body).path("jobid").asString();
        JsonNode job = corp.get("externalcontact/get_moment_task_result", "jobid=" + jobid);
        assertThat(job.path("status").asInt()).as(job.toString()).isEqualTo(3);
        return job.path("result").path("moment_id").asString();
    }

    private static int errcode(TestCorp corp, Map<String, Object> text, List<?> attachments) {
        return corp.post("externalcontact/add_moment_task", Map.of("text", text, "attachments", attachments))
                .path("errcode")
                .asInt();
    }
}
