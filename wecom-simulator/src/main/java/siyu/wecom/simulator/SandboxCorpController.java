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

/** Sandbox: a corp's state, its demo directory, its members and its limits. */
@RestController
class SandboxCorpController {

    private final Corps corps;
    private final CorpStates states;
    private final CorpView view;
    private final Demo demo;
    private final Directory directory;

    SandboxCorpController(Corps corps, CorpStates states, CorpView view, Demo demo, Directory directory) {
        this.corps = corps;
        this.states = states;
        this.view = view;
        this.demo = demo;
        this.directory = directory;
    }

    /** {@code GET /sim/corps/{corpId}}: departments, staff, customers with their relations, ways, groups… */
    @GetMapping("/sim/corps/{corpId}")
    Map<String, Object> state(@PathVariable String corpId) {
        return view.of(states.known(corpId));
    }

    /** {@code POST /sim/corps/{corpId}/demo} (no body): the demo directory and groups, once; answers the state. */
    @PostMapping("/sim/corps/{corpId}/demo")
    Map<String, Object> demo(@PathVariable String corpId) {
        var corp = states.create(corpId);
        demo.seed(corp);
        return view.of(corp);
    }

    /**
     * {@code POST /sim/corps/{corpId}/departments {id, name, parentId, order?}}: adds or renames a department.
     */
    @PostMapping("/sim/corps/{corpId}/departments")
    @ResponseStatus(HttpStatus.CREATED)
    Department department(@PathVariable String corpId, @RequestBody JsonNode json) {
        var body = new Body(json);
        var corp = states.create(corpId);
        var department = new Department(
                body.integer("id", 0),
                body.text("name", "部门"),
                body.text("nameEn"),
                body.integer("parentId", 0),
                body.integer("order", 0),
                body.texts("leaders"));
        synchronized (corp) {
            corp.departments.put(department.id(), department);
        }
        return department;
    }

    /**
     * {@code POST /sim/corps/{corpId}/staff {userId, name, departments?:[1], position?, gender?: "1"|"2",
     * customerContact?: true}}: adds or changes a member.
     */
    @PostMapping("/sim/corps/{corpId}/staff")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> staff(@PathVariable String corpId, @RequestBody JsonNode json) {
        var body = new Body(json);
        var userId = body.text("userId");
        if (userId == null || !userId.matches("[A-Za-z0-9_.@-]{1,64}")) {
            throw SandboxError.badRequest("userId: 1 to 64 letters, digits, _ . @ -");
        }
        var corp = states.create(corpId);
        synchronized (corp) {
            corp.departments.putIfAbsent(1L, new Department(1, "总部", null, 0, 100_000_000, List.of()));
        }
        var member = directory.save(
                corp,
                userId,
                body.text("name", userId),
                body.numbers("departments"),
                body.text("position", ""),
                body.text("gender", "0"),
                body.bool("customerContact", true));
        return CorpView.staff(member);
    }

    /** {@code POST /sim/corps/{corpId}/staff/{userId}/resign}: the member leaves; their customers await 离职继承. */
    @PostMapping("/sim/corps/{corpId}/staff/{userId}/resign")
    Map<String, Object> resign(@PathVariable String corpId, @PathVariable String userId) {
        var corp = states.known(corpId);
        Staff member;
        synchronized (corp) {
            member = corp.staff.get(userId);
            if (member == null) {
                throw SandboxError.notFound("staff " + userId);
            }
        }
        directory.resign(corp, member);
        return CorpView.staff(member);
    }

    /**
     * {@code POST /sim/corps/{corpId}/limits {wayQuota?, massQuota?, dispatchDelayMillis?, autoConfirm?}}: the
     * 联系我 + 加入群聊 quota (500,000; to reach 41045), the 企业群发 quota rule (days-in-month, 7-per-week,
     * 1-per-day, 4-per-month), how long a new 企业群发 answers 41063, and whether members confirm every task at
     * once. Fields left out keep their value; answers them all.
     */
    @PostMapping("/sim/corps/{corpId}/limits")
    Map<String, Object> limits(@PathVariable String corpId, @RequestBody JsonNode json) {
        var body = new Body(json);
        var corp = states.known(corpId);
        synchronized (corp) {
            corp.wayQuota = body.integer("wayQuota", corp.wayQuota);
            var quota = body.text("massQuota");
            corp.massQuota = quota == null ? corp.massQuota : MassQuota.of(quota);
            corp.dispatchDelayMillis = Math.max(0, body.integer("dispatchDelayMillis", (int) corp.dispatchDelayMillis));
            corp.autoConfirm = body.bool("autoConfirm", corp.autoConfirm);
            return Json.object(
                    "wayQuota", corp.wayQuota,
                    "waysInUse", corp.waysInUse(),
                    "massQuota", corp.massQuota.rule,
                    "dispatchDelayMillis", corp.dispatchDelayMillis,
                    "autoConfirm", corp.autoConfirm);
        }
    }

    /**
     * {@code POST /sim/corps/{corpId}/apps/{agentId}/customer-contact {allowed}}: puts the app in or out of
     * 「客户联系 → 可调用接口的应用」; out of it, 客户联系 APIs answer 48002.
     */
    @PostMapping("/sim/corps/{corpId}/apps/{agentId}/customer-contact")
    Map<String, Object> customerContact(
            @PathVariable String corpId, @PathVariable String agentId, @RequestBody JsonNode json) {
        corps.app(corpId, agentId).orElseThrow(() -> SandboxError.notFound("app " + agentId));
        boolean allowed = new Body(json).bool("allowed", true);
        corps.allowCustomerContact(corpId, agentId, allowed);
        return Json.object("agentId", agentId, "allowed", allowed);
    }
}
