package siyu.wecom.simulator;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The directory as Siyu reads it: department/list (doc 90208), user/list (doc 90201), get_follow_user_list (doc 92571). */
@RestController
class DirectoryApi {

    private final Corps corps;
    private final CorpStates states;
    private final Directory directory;

    DirectoryApi(Corps corps, CorpStates states, Directory directory) {
        this.corps = corps;
        this.states = states;
        this.directory = directory;
    }

    @GetMapping("/cgi-bin/department/list")
    Map<String, Object> departments(
            @RequestParam(name = "access_token", required = false) @Nullable String token,
            @RequestParam(required = false) @Nullable String id) {
        var corp = states.of(corps.authorize(token));
        return Json.ok("department", directory.departments(corp, number(id)));
    }

    @GetMapping("/cgi-bin/user/list")
    Map<String, Object> users(
            @RequestParam(name = "access_token", required = false) @Nullable String token,
            @RequestParam(name = "department_id", required = false) @Nullable String departmentId,
            @RequestParam(name = "fetch_child", required = false) @Nullable String fetchChild) {
        var corp = states.of(corps.authorize(token));
        return Json.ok("userlist", directory.users(corp, number(departmentId), "1".equals(fetchChild)));
    }

    @GetMapping("/cgi-bin/externalcontact/get_follow_user_list")
    Map<String, Object> followUsers(@RequestParam(name = "access_token", required = false) @Nullable String token) {
        var corp = states.of(corps.authorizeCustomerContact(token));
        return Json.ok("follow_user", directory.followUsers(corp));
    }

    private static @Nullable Long number(@Nullable String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        if (!id.matches("\\d{1,18}")) {
            throw new WeComError(60123, "invalid party id");
        }
        return Long.parseLong(id);
    }
}
