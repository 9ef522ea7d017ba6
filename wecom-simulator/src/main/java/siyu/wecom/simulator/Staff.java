package siyu.wecom.simulator;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A member of the corp (成员). Status is WeCom's: 1 active (已激活); a member who resigned leaves the
 * directory but keeps their customers until they are handed over (离职继承).
 */
final class Staff {

    final String userId;
    String name;
    List<Long> departments;
    String position;
    String gender;
    String mobile;
    /** 客户联系 enabled: only such members can be on a 联系我 code and have customers. */
    boolean customerContact;

    @Nullable
    Instant resignedAt;

    Staff(String userId, String name, List<Long> departments, String position, String gender) {
        this.userId = userId;
        this.name = name;
        this.departments = departments;
        this.position = position;
        this.gender = gender;
        this.mobile = "";
        this.customerContact = true;
    }

    boolean resigned() {
        return resignedAt != null;
    }

    /** Can be added by customers and take customers over. */
    boolean servesCustomers() {
        return customerContact && !resigned();
    }
}
