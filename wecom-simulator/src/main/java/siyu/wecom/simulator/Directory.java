package siyu.wecom.simulator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The corp's directory (通讯录): departments and members, as department/list and user/list show them. */
@Component
class Directory {

    private final SimulatedClock clock;

    Directory(SimulatedClock clock) {
        this.clock = clock;
    }

    /** department/list: the department and everything under it, or all; 60123 for an unknown id. */
    List<Map<String, Object>> departments(Corp corp, @Nullable Long id) {
        synchronized (corp) {
            if (id != null && !corp.departments.containsKey(id)) {
                throw new WeComError(60123, "invalid party id");
            }
            var wanted = id == null ? corp.departments.keySet() : subtree(corp, id);
            return corp.departments.values().stream()
                    .filter(d -> wanted.contains(d.id()))
                    .map(d -> Json.object(
                            "id",
                            d.id(),
                            "name",
                            d.name(),
                            "name_en",
                            d.nameEn(),
                            "department_leader",
                            d.leaders(),
                            "parentid",
                            d.parentId(),
                            "order",
                            d.order()))
                    .toList();
        }
    }

    /** user/list: the members of a department (and of those under it with fetchChild); 60123 if unknown. */
    List<Map<String, Object>> users(Corp corp, @Nullable Long departmentId, boolean fetchChild) {
        synchronized (corp) {
            if (departmentId == null || !corp.departments.containsKey(departmentId)) {
                throw new WeComError(60123, "invalid party id");
            }
            Set<Long> wanted = fetchChild ? subtree(corp, departmentId) : Set.of(departmentId);
            return corp.staff.values().stream()
                    .filter(s -> !s.resigned() && s.departments.stream().anyMatch(wanted::contains))
                    .map(s -> user(corp, s))
                    .toList();
        }
    }

    /** get_follow_user_list: members with 客户联系 enabled. */
    List<String> followUsers(Corp corp) {
        synchronized (corp) {
            return corp.staff.values().stream()
                    .filter(Staff::servesCustomers)
                    .map(s -> s.userId)
                    .toList();
        }
    }

    /** Members of the departments (and those under them), for a 联系我 code's {@code party}. */
    static List<String> membersOf(Corp corp, List<Long> parties) {
        var wanted = new HashSet<Long>();
        parties.forEach(p -> wanted.addAll(subtree(corp, p)));
        return corp.staff.values().stream()
                .filter(s -> !s.resigned() && s.departments.stream().anyMatch(wanted::contains))
                .map(s -> s.userId)
                .toList();
    }

    /** Adds or changes a member (the admin console's 通讯录). */
    Staff save(
            Corp corp,
            String userId,
            String name,
            List<Long> departments,
            String position,
            String gender,
            boolean customerContact) {
        synchronized (corp) {
            var member = corp.staff.computeIfAbsent(userId, id -> new Staff(id, name, departments, position, gender));
            member.name = name;
            member.departments = departments.isEmpty() ? List.of(1L) : departments;
            member.position = position;
            member.gender = gender;
            member.customerContact = customerContact;
            return member;
        }
    }

    /** The member leaves: out of the directory, their groups' status becomes 1 (owner resigned). */
    void resign(Corp corp, Staff member) {
        synchronized (corp) {
            member.resignedAt = clock.now();
            corp.groups.values().stream()
                    .filter(g -> g.owner.equals(member.userId))
                    .forEach(g -> g.status = 1);
        }
    }

    private static Map<String, Object> user(Corp corp, Staff s) {
        var leaderOf = s.departments.stream()
                .map(d -> corp.departments.containsKey(d)
                                && corp.departments.get(d).leaders().contains(s.userId)
                        ? 1
                        : 0)
                .toList();
        return Json.object(
                "userid",
                s.userId,
                "name",
                s.name,
                "department",
                s.departments,
                "order",
                s.departments.stream().map(d -> 0).toList(),
                "position",
                s.position,
                "mobile",
                s.mobile,
                "gender",
                s.gender,
                "email",
                "",
                "is_leader_in_dept",
                leaderOf,
                "direct_leader",
                List.of(),
                "avatar",
                "http://wework.qpic.cn/wwhead/" + s.userId + "/0",
                "thumb_avatar",
                "http://wework.qpic.cn/wwhead/" + s.userId + "/100",
                "telephone",
                "",
                "alias",
                "",
                "status",
                1,
                "main_department",
                s.departments.getFirst(),
                "external_position",
                s.position);
    }

    private static Set<Long> subtree(Corp corp, long root) {
        var found = new HashSet<Long>();
        var todo = new ArrayList<Long>(List.of(root));
        while (!todo.isEmpty()) {
            var id = todo.removeLast();
            if (found.add(id)) {
                corp.departments.values().stream()
                        .filter(d -> d.parentId() == id)
                        .forEach(d -> todo.add(d.id()));
            }
        }
        return found;
    }
}
