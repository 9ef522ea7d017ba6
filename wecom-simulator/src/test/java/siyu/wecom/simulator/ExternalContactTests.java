package siyu.wecom.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExternalContactTests {

    @Test
    void getShowsTheCustomerAndTheRelationMadeByTheScan() {
        var corp = Simulator.demoCorp();
        var configId = corp.contactWay(Map.of("type", 1, "scene", 2, "user", List.of("lina"), "state", "poster-01"));
        var id = corp.scan(configId, "小明").path("externalUserId").asString();

        var answer = corp.get("externalcontact/get", "external_userid=" + id);

        assertThat(answer.path("errcode").asInt()).isZero();
        assertThat(answer.path("external_contact").path("name").asString()).isEqualTo("小明");
        assertThat(answer.path("external_contact").path("type").asInt()).isEqualTo(1);
        var follow = answer.path("follow_user").get(0);
        assertThat(follow.path("userid").asString()).isEqualTo("lina");
        assertThat(follow.path("state").asString()).isEqualTo("poster-01");
        assertThat(follow.path("add_way").asInt()).isEqualTo(1);
        assertThat(follow.path("oper_userid").asString()).isEqualTo(id);
        assertThat(follow.path("tags")).isEmpty();
        assertThat(answer.path("next_cursor").asString()).isEmpty();
    }

    @Test
    void getAndListAnswerWeComsErrcodes() {
        var corp = Simulator.demoCorp();

        assertThat(corp.get("externalcontact/get", "").path("errcode").asInt()).isEqualTo(41035);
        assertThat(corp.get("externalcontact/get", "external_userid=wmnobody")
                        .path("errcode")
                        .asInt())
                .isEqualTo(40096);
        assertThat(corp.get("externalcontact/list", "userid=nobody")
                        .path("errcode")
                        .asInt())
                .isEqualTo(40003);
        assertThat(corp.get("externalcontact/list", "userid=lina")
                        .path("errcode")
                        .asInt())
                .isEqualTo(84061);
    }

    @Test
    void listHasTheMembersCustomers() {
        var corp = Simulator.demoCorp();
        var configId = corp.contactWay(Map.of("type", 1, "scene", 2, "user", List.of("lina")));
        var a = corp.scan(configId, "小明").path("externalUserId").asString();
        var b = corp.scan(configId, "小红").path("externalUserId").asString();

        var list = corp.get("externalcontact/list", "userid=lina").path("external_userid");

        assertThat(list).extracting(n -> n.asString()).containsExactly(a, b);
    }

    @Test
    void batchGetByUserPagesWithACursor() {
        var corp = Simulator.demoCorp();
        var configId = corp.contactWay(Map.of("type", 1, "scene", 2, "user", List.of("lina")));
        for (int i = 0; i < 3; i++) {
            corp.scan(configId, "客户" + i);
        }

        var first = corp.post("externalcontact/batch/get_by_user", Map.of("userid_list", List.of("lina"), "limit", 2));
        var second = corp.post(
                "externalcontact/batch/get_by_user",
                Map.of(
                        "userid_list",
                        List.of("lina"),
                        "limit",
                        2,
                        "cursor",
                        first.path("next_cursor").asString()));

        assertThat(first.path("external_contact_list")).hasSize(2);
        assertThat(first.path("external_contact_list")
                        .get(0)
                        .path("follow_info")
                        .path("userid")
                        .asString())
                .isEqualTo("lina");
        assertThat(first.path("external_contact_list")
                        .get(0)
                        .path("follow_info")
                        .path("tag_id"))
                .isEmpty();
        assertThat(first.path("next_cursor").asString()).isNotEmpty();
        assertThat(second.path("external_contact_list")).hasSize(1);
        assertThat(second.path("next_cursor").asString()).isEmpty();
    }

    @Test
    void batchGetByUserTakesAtMostOneHundredMembers() {
        var corp = Simulator.demoCorp();
        var ids =
                java.util.stream.IntStream.range(0, 101).mapToObj(i -> "u" + i).toList();

        var answer = corp.post("externalcontact/batch/get_by_user", Map.of("userid_list", ids));

        assertThat(answer.path("errcode").asInt()).isEqualTo(40058);
    }

    @Test
    void remarkChangesTheRelationOnly() {
        var corp = Simulator.demoCorp();
        var configId = corp.contactWay(Map.of("type", 1, "scene", 2, "user", List.of("lina")));
        var id = corp.scan(configId, "小明").path("externalUserId").asString();

        var answer = corp.post(
                "externalcontact/remark",
                Map.of("userid", "lina", "external_userid", id, "remark", "VIP小明", "description", "喜欢咖啡"));
        var follow = corp.get("externalcontact/get", "external_userid=" + id)
                .path("follow_user")
                .get(0);

        assertThat(answer.path("errcode").asInt()).isZero();
        assertThat(follow.path("remark").asString()).isEqualTo("VIP小明");
        assertThat(follow.path("description").asString()).isEqualTo("喜欢咖啡");
        assertThat(corp.post("externalcontact/remark", Map.of("userid", "wangfang", "external_userid", id))
                        .path("errcode")
                        .asInt())
                .isEqualTo(84061);
    }

    @Test
    void customerDeletingTheMemberEndsTheRelationWithDelFollowUser() {
        var corp = Simulator.demoCorp();
        var configId = corp.contactWay(Map.of("type", 1, "scene", 2, "user", List.of("lina")));
        var id = corp.scan(configId, "小明").path("externalUserId").asString();

        var answer = corp.sim("POST", "/customers/" + id + "/delete-staff", Map.of("userId", "lina"));
        var event = corp.nextCallback();

        assertThat(answer.status()).isEqualTo(200);
        assertThat(event.get("ChangeType")).isEqualTo("del_follow_user");
        assertThat(event.get("UserID")).isEqualTo("lina");
        assertThat(event.get("ExternalUserID")).isEqualTo(id);
        assertThat(corp.get("externalcontact/get", "external_userid=" + id)
                        .path("errcode")
                        .asInt())
                .isEqualTo(84061);
    }

    @Test
    void memberDeletingTheCustomerSendsDelExternalContact() {
        var corp = Simulator.demoCorp();
        var configId = corp.contactWay(Map.of("type", 1, "scene", 2, "user", List.of("lina")));
        var id = corp.scan(configId, "小明").path("externalUserId").asString();

        corp.sim("POST", "/staff/lina/delete-customer", Map.of("externalUserId", id));
        var event = corp.nextCallback();

        assertThat(event.get("ChangeType")).isEqualTo("del_external_contact");
        assertThat(event.get("Source")).isNull();
        assertThat(corp.sim("POST", "/staff/lina/delete-customer", Map.of("externalUserId", id))
                        .status())
                .isEqualTo(404);
    }
}
