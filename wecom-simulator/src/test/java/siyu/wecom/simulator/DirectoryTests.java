package siyu.wecom.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DirectoryTests {

    @Test
    void demoDirectoryHasFourDepartmentsUnderHeadquarters() {
        var corp = Simulator.demoCorp();

        var departments = corp.get("department/list", "").path("department");

        assertThat(departments)
                .extracting(d -> d.path("name").asString())
                .containsExactly("总部", "华东门店", "华南门店", "线上客服");
        assertThat(departments.get(1).path("parentid").asLong()).isEqualTo(1);
        assertThat(departments.get(1).path("department_leader").get(0).asString())
                .isEqualTo("lina");
    }

    @Test
    void departmentListOfOneDepartmentHasOnlyItAndWhatIsUnderIt() {
        var corp = Simulator.demoCorp();

        var departments = corp.get("department/list", "id=2").path("department");

        assertThat(departments).extracting(d -> d.path("id").asLong()).containsExactly(2L);
    }

    @Test
    void unknownDepartmentIs60123() {
        var corp = Simulator.demoCorp();

        assertThat(corp.get("department/list", "id=99").path("errcode").asInt()).isEqualTo(60123);
        assertThat(corp.get("user/list", "department_id=99").path("errcode").asInt())
                .isEqualTo(60123);
    }

    @Test
    void userListHasTheMembersOfTheDepartmentAndWithFetchChildThoseBelow() {
        var corp = Simulator.demoCorp();

        JsonNode east = corp.get("user/list", "department_id=2").path("userlist");
        JsonNode all = corp.get("user/list", "department_id=1&fetch_child=1").path("userlist");

        assertThat(east).extracting(u -> u.path("userid").asString()).containsExactly("lina", "wangfang", "zhoujie");
        assertThat(east.get(0).path("name").asString()).isEqualTo("李娜");
        assertThat(east.get(0).path("department").get(0).asLong()).isEqualTo(2);
        assertThat(east.get(0).path("status").asInt()).isEqualTo(1);
        assertThat(east.get(0).path("is_leader_in_dept").get(0).asInt()).isEqualTo(1);
        assertThat(all).hasSize(8);
    }

    @Test
    void followUserListHasOnlyMembersWithCustomerContactWhoAreStillThere() {
        var corp = Simulator.demoCorp();
        corp.sim("POST", "/staff", Map.of("userId", "intern", "name", "实习生", "customerContact", false));
        corp.sim("POST", "/staff/sunli/resign", null);

        var followers = corp.get("externalcontact/get_follow_user_list", "").path("follow_user");

        assertThat(followers)
                .extracting(JsonNode::asString)
                .contains("zhangwei", "zhaolei")
                .doesNotContain("intern", "sunli");
    }

    @Test
    void resignedMemberLeavesUserList() {
        var corp = Simulator.demoCorp();

        corp.sim("POST", "/staff/wangfang/resign", null);

        assertThat(corp.get("user/list", "department_id=2").path("userlist"))
                .extracting(u -> u.path("userid").asString())
                .containsExactly("lina", "zhoujie");
    }

    @Test
    void demoIsMadeOnceHoweverOftenItIsAskedFor() {
        var corp = Simulator.demoCorp();

        var again = corp.sim("POST", "/demo", null).json();

        assertThat(again.path("staff")).hasSize(8);
        assertThat(again.path("groups")).hasSize(2);
        assertThat(again.path("groups").get(0).path("memberCount").asInt()).isEqualTo(5);
    }

    @Test
    void appOutsideCustomerContactGets48002() {
        var corp = Simulator.demoCorp();
        Simulator.post(
                "/sim/corps/" + corp.corpId + "/apps/" + corp.agentId + "/customer-contact", "{\"allowed\":false}");

        assertThat(corp.get("externalcontact/get_follow_user_list", "")
                        .path("errcode")
                        .asInt())
                .isEqualTo(48002);
        assertThat(corp.get("user/list", "department_id=1").path("errcode").asInt())
                .isZero();
    }

    @Test
    void unknownCorpInTheSandboxIs404() {
        var answer = Simulator.get("/sim/corps/wwnobody");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().path("errmsg").asString()).contains("wwnobody");
    }
}
