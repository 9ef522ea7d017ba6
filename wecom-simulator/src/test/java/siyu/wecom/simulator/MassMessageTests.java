package siyu.wecom.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MassMessageTests {

    @Test
    void addMsgTemplateOnlyMakesATaskUntilTheMemberConfirms() {
        var corp = Simulator.demoCorp();
        var customer = Mass.customerOf(corp, "lina");

        var answer = corp.post(
                "externalcontact/add_msg_template",
                Map.of("sender", "lina", "external_userid", List.of(customer), "text", Map.of("content", "新品上市")));
        var msgid = answer.path("msgid").asString();
        var tasks = corp.post("externalcontact/get_groupmsg_task", Map.of("msgid", msgid));
        var results = Mass.results(corp, msgid, "lina");
        var chat = corp.sim("GET", "/customers/" + customer + "/chat", null).json();

        assertThat(answer.path("errcode").asInt()).isZero();
        assertThat(answer.path("fail_list")).isEmpty();
        assertThat(msgid).startsWith("msg");
        assertThat(tasks.path("task_list").get(0).path("userid").asString()).isEqualTo("lina");
        assertThat(tasks.path("task_list").get(0).path("status").asInt()).isZero();
        assertThat(tasks.path("task_list").get(0).has("send_time")).isFalse();
        assertThat(results.path("send_list").get(0).path("status").asInt()).isZero();
        assertThat(chat).isEmpty();
    }

    @Test
    void theCustomerReceivesTheMessageWithItsAttachmentsWhenTheMemberConfirms() {
        var corp = Simulator.demoCorp();
        var customer = Mass.customerOf(corp, "lina");
        var image = Map.of("msgtype", "image", "image", Map.of("media_id", corp.imageMediaId()));
        var msgid = corp.post(
                        "externalcontact/add_msg_template",
                        Map.of(
                                "sender",
                                "lina",
                                "external_userid",
                                List.of(customer),
                                "text",
                                Map.of("content", "新品上市"),
                                "attachments",
                                List.of(image)))
                .path("msgid")
                .asString();

        var task = Mass.send(corp, msgid, "lina");
        var chat = corp.sim("GET", "/customers/" + customer + "/chat", null).json();
        var tasks = corp.post("externalcontact/get_groupmsg_task", Map.of("msgid", msgid));
        var sent = Mass.results(corp, msgid, "lina").path("send_list").get(0);

        assertThat(task.path("status").asInt()).isEqualTo(2);
        assertThat(chat).hasSize(1);
        assertThat(chat.get(0).path("kind").asString()).isEqualTo("mass");
        assertThat(chat.get(0).path("from").asString()).isEqualTo("lina");
        assertThat(chat.get(0).path("text").asString()).isEqualTo("新品上市");
        assertThat(chat.get(0).path("attachments").get(0).path("msgtype").asString())
                .isEqualTo("image");
        assertThat(tasks.path("task_list").get(0).path("status").asInt()).isEqualTo(2);
        assertThat(tasks.path("task_list").get(0).path("send_time").asLong()).isPositive();
        assertThat(sent.path("external_userid").asString()).isEqualTo(customer);
        assertThat(sent.path("status").asInt()).isEqualTo(1);
        assertThat(sent.path("send_time").asLong()).isPositive();
    }

    @Test
    void customersUnknownOrNotFriendsOfTheSenderAreInTheFailList() {
        var corp = Simulator.demoCorp();
        var linas = Mass.customerOf(corp, "lina");
        var liuyangs = Mass.customerOf(corp, "liuyang");

        var answer = corp.post(
                "externalcontact/add_msg_template",
                Map.of(
                        "sender",
                        "lina",
                        "external_userid",
                        List.of(linas, liuyangs, "wmnobody"),
                        "text",
                        Map.of("content", "您好")));
        var nobody = corp.post(
                "externalcontact/add_msg_template",
                Map.of("sender", "lina", "external_userid", List.of(liuyangs), "text", Map.of("content", "您好")));

        assertThat(answer.path("fail_list")).extracting(n -> n.asString()).containsExactly(liuyangs, "wmnobody");
        assertThat(nobody.path("errcode").asInt()).isEqualTo(41048);
    }

    @Test
    void withoutASenderEveryMemberWhoHasTheCustomerGetsATask() {
        var corp = Simulator.demoCorp();
        var customer = Mass.customerOf(corp, "lina");
        Mass.alsoFollows(corp, customer, "wangfang");

        var msgid = corp.post(
                        "externalcontact/add_msg_template",
                        Map.of("external_userid", List.of(customer), "text", Map.of("content", "您好")))
                .path("msgid")
                .asString();
        var tasks = corp.post("externalcontact/get_groupmsg_task", Map.of("msgid", msgid));

        assertThat(tasks.path("task_list"))
                .extracting(t -> t.path("userid").asString())
                .containsExactlyInAnyOrder("lina", "wangfang");
    }

    @Test
    void aSenderAloneMeansAllTheirCustomers() {
        var corp = Simulator.demoCorp();
        var first = Mass.customerOf(corp, "lina");
        var second = Mass.customerOf(corp, "lina");
        Mass.customerOf(corp, "wangfang");

        var msgid = corp.post(
                        "externalcontact/add_msg_template", Map.of("sender", "lina", "text", Map.of("content", "您好")))
                .path("msgid")
                .asString();

        assertThat(Mass.results(corp, msgid, "lina").path("send_list"))
                .extracting(r -> r.path("external_userid").asString())
                .containsExactly(first, second);
        assertThat(corp.post("externalcontact/add_msg_template", Map.of("text", Map.of("content", "您好")))
                        .path("errcode")
                        .asInt())
                .isEqualTo(40058);
    }

    @Test
    void tagFilterIsOrWithinAGroupAndAndAcrossGroups() {
        var corp = Simulator.demoCorp();
        var tags = corp.post(
                        "externalcontact/add_corp_tag",
                        Map.of("group_name", "等级", "tag", List.of(Map.of("name", "金卡"), Map.of("name", "银卡"))))
                .path("tag_group")
                .path("tag");
        var gold = tags.get(0).path("id").asString();
        var silver = tags.get(1).path("id").asString();
        var city = corp.post(
                        "externalcontact/add_corp_tag",
                        Map.of("group_name", "城市", "tag", List.of(Map.of("name", "上海"))))
                .path("tag_group")
                .path("tag")
                .get(0)
                .path("id")
                .asString();
        var goldShanghai = tagged(corp, gold, city);
        var silverShanghai = tagged(corp, silver, city);
        tagged(corp, gold);
        tagged(corp, city);

        var msgid = corp.post(
                        "externalcontact/add_msg_template",
                        Map.of(
                                "sender",
                                "lina",
                                "tag_filter",
                                Map.of(
                                        "group_list",
                                        List.of(
                                                Map.of("tag_list", List.of(gold, silver)),
                                                Map.of("tag_list", List.of(city)))),
                                "text",
                                Map.of("content", "上海金银卡会员专享")))
                .path("msgid")
                .asString();
        var unknownTag = corp.post(
                "externalcontact/add_msg_template",
                Map.of(
                        "sender",
                        "lina",
                        "tag_filter",
                        Map.of("group_list", List.of(Map.of("tag_list", List.of("etnope")))),
                        "text",
                        Map.of("content", "您好")));

        assertThat(Mass.results(corp, msgid, "lina").path("send_list"))
                .extracting(r -> r.path("external_userid").asString())
                .containsExactly(goldShanghai, silverShanghai);
        assertThat(unknownTag.path("errcode").asInt()).isEqualTo(40068);
    }

    @Test
    void aGroupMessageGoesToTheSendersOwnGroupsAndTheirChats() {
        var corp = Simulator.demoCorp();
        var linas = GroupTests.chatOf(corp, "lina");
        var zhaoleis = GroupTests.chatOf(corp, "zhaolei");

        var answer = corp.post(
                "externalcontact/add_msg_template",
                Map.of(
                        "chat_type",
                        "group",
                        "sender",
                        "lina",
                        "chat_id_list",
                        List.of(linas, zhaoleis),
                        "text",
                        Map.of("content", "群福利")));
        var msgid = answer.path("msgid").asString();
        var before = Mass.results(corp, msgid, "lina");
        Mass.send(corp, msgid, "lina");
        var after = Mass.results(corp, msgid, "lina").path("send_list");
        var chat = corp.sim("GET", "/groups/" + linas + "/chat", null).json();
        var noSender = corp.post(
                "externalcontact/add_msg_template",
                Map.of("chat_type", "group", "chat_id_list", List.of(linas), "text", Map.of("content", "群福利")));

        assertThat(answer.path("fail_list")).extracting(n -> n.asString()).containsExactly(zhaoleis);
        assertThat(before.path("send_list")).isEmpty();
        assertThat(after).hasSize(1);
        assertThat(after.get(0).path("chat_id").asString()).isEqualTo(linas);
        assertThat(after.get(0).has("external_userid")).isFalse();
        assertThat(after.get(0).path("status").asInt()).isEqualTo(1);
        assertThat(chat.get(0).path("kind").asString()).isEqualTo("mass");
        assertThat(noSender.path("errcode").asInt()).isEqualTo(40058);
    }

    @Test
    void aCustomerWhoIsNoLongerAFriendGetsStatusTwo() {
        var corp = Simulator.demoCorp();
        var customer = Mass.customerOf(corp, "lina");
        var msgid = Mass.message(corp, "lina", customer);
        corp.sim("POST", "/customers/" + customer + "/delete-staff", Map.of("userId", "lina"));
        corp.nextCallback();

        var task = Mass.send(corp, msgid, "lina");

        assertThat(task.path("deliveries").get(0).path("status").asInt()).isEqualTo(2);
        assertThat(Mass.results(corp, msgid, "lina").path("send_list").get(0).has("send_time"))
                .isFalse();
    }

    @Test
    void textAndAttachmentsAreCheckedLikeWeComChecksThem() {
        var corp = Simulator.demoCorp();
        var customer = Mass.customerOf(corp, "lina");
        var link = Map.of("msgtype", "link", "link", Map.of("title", "活动", "url", "https://example.com/a"));

        assertThat(errcode(corp, customer, Map.of("content", "好".repeat(1334)), List.of()))
                .isEqualTo(45002);
        assertThat(errcode(corp, customer, Map.of(), List.of())).isEqualTo(40058);
        assertThat(errcode(corp, customer, Map.of(), Collections.nCopies(10, link)))
                .isEqualTo(40058);
        assertThat(errcode(corp, customer, Map.of(), Collections.nCopies(9, link)))
                .isZero();
        assertThat(errcode(corp, customer, Map.of(), List.of(Map.of("msgtype", "link", "link", Map.of("url", "u")))))
                .isEqualTo(41016);
        assertThat(errcode(corp, customer, Map.of(), List.of(Map.of("msgtype", "voice", "voice", Map.of()))))
                .isEqualTo(41065);
        assertThat(errcode(corp, customer, Map.of(), List.of(media("image", "3nope"))))
                .isEqualTo(40007);
        assertThat(errcode(corp, customer, Map.of(), List.of(media("video", corp.imageMediaId()))))
                .isEqualTo(40007);
        assertThat(errcode(corp, customer, Map.of(), List.of(Map.of("msgtype", "file", "file", Map.of()))))
                .isEqualTo(41006);
    }

    @Test
    void aMediaIdExpiresAfterThreeDays() {
        var corp = Simulator.demoCorp();
        var customer = Mass.customerOf(corp, "lina");
        var mediaId = corp.imageMediaId();

        Mass.advance(corp, Duration.ofDays(3).minusMinutes(1));
        var stillGood = errcode(corp, customer, Map.of(), List.of(media("image", mediaId)));
        Mass.advance(corp, Duration.ofMinutes(2));
        var expired = errcode(corp, customer, Map.of(), List.of(media("image", mediaId)));

        assertThat(stillGood).isZero();
        assertThat(expired).isEqualTo(40007);
    }

    @Test
    void aCustomerOverTheMonthlyQuotaGetsStatusThree() {
        var corp = Simulator.demoCorp();
        var customer = Mass.customerOf(corp, "lina");
        Mass.quota(corp, "4-per-month");
        Mass.toNextPeriod(corp, "month");

        var firstFour = List.of(
                Mass.sendNow(corp, "lina", customer),
                Mass.sendNow(corp, "lina", customer),
                Mass.sendNow(corp, "lina", customer),
                Mass.sendNow(corp, "lina", customer));
        var fifth = Mass.sendNow(corp, "lina", customer);
        Mass.toNextPeriod(corp, "month");
        var nextMonth = Mass.sendNow(corp, "lina", customer);

        assertThat(firstFour).containsOnly(1);
        assertThat(fifth).isEqualTo(3);
        assertThat(nextMonth).isEqualTo(1);
    }

    @Test
    void byDefaultACustomerReceivesAsManyAMonthAsTheMonthHasDays() {
        var corp = Simulator.demoCorp();
        var customer = Mass.customerOf(corp, "lina");
        Mass.toNextPeriod(corp, "month");
        int days = java.time.LocalDate.ofInstant(Mass.now(), Mass.CHINA).lengthOfMonth();

        var statuses = new java.util.ArrayList<Integer>();
        for (int i = 0; i <= days; i++) {
            statuses.add(Mass.sendNow(corp, "lina", customer));
        }

        assertThat(statuses.subList(0, days)).containsOnly(1);
        assertThat(statuses.getLast()).isEqualTo(3);
    }

    @Test
    void withOnePerDayTheQuotaComesBackTheNextDay() {
        var corp = Simulator.demoCorp();
        var customer = Mass.customerOf(corp, "lina");
        Mass.quota(corp, "1-per-day");
        Mass.toNextPeriod(corp, "day");

        var first = Mass.sendNow(corp, "lina", customer);
        var second = Mass.sendNow(corp, "lina", customer);
        Mass.toNextPeriod(corp, "day");
        var tomorrow = Mass.sendNow(corp, "lina", customer);

        assertThat(List.of(first, second, tomorrow)).containsExactly(1, 3, 1);
    }

    @Test
    void withSevenPerWeekTheEighthMessageOfTheWeekFails() {
        var corp = Simulator.demoCorp();
        var customer = Mass.customerOf(corp, "lina");
        Mass.quota(corp, "7-per-week");
        Mass.toNextPeriod(corp, "week");

        var statuses = new java.util.ArrayList<Integer>();
        for (int i = 0; i < 8; i++) {
            statuses.add(Mass.sendNow(corp, "lina", customer));
        }

        assertThat(statuses).containsExactly(1, 1, 1, 1, 1, 1, 1, 3);
    }

    @Test
    void anUnknownQuotaRuleIsRefused() {
        var corp = Simulator.demoCorp();

        var answer = corp.sim("POST", "/limits", Map.of("massQuota", "2-per-hour"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(corp.state().path("massQuota").asString()).isEqualTo("days-in-month");
    }

    private static String tagged(TestCorp corp, String... tagIds) {
        var customer = Mass.customerOf(corp, "lina");
        var answer = corp.post(
                "externalcontact/mark_tag",
                Map.of("userid", "lina", "external_userid", customer, "add_tag", List.of(tagIds)));
        assertThat(answer.path("errcode").asInt()).isZero();
        return customer;
    }

    private static Map<String, Object> media(String type, String mediaId) {
        return Map.of("msgtype", type, type, Map.of("media_id", mediaId));
    }

    private static int errcode(TestCorp corp, String customer, Map<String, Object> text, List<?> attachments) {
        return corp.post(
                        "externalcontact/add_msg_template",
                        Map.of(
                                "sender",
                                "lina",
                                "external_userid",
                                List.of(customer),
                                "text",
                                text,
                                "attachments",
                                attachments))
                .path("errcode")
                .asInt();
    }
}
