package siyu.wecom.simulator;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What people do to a follow relation inside WeCom, which WeCom reports by change_external_contact: a
 * customer deletes the member (del_follow_user), a member deletes the customer (del_external_contact).
 */
@Component
class ContactChanges {

    private final Callbacks callbacks;
    private final SimulatedClock clock;

    ContactChanges(Callbacks callbacks, SimulatedClock clock) {
        this.callbacks = callbacks;
        this.clock = clock;
    }

    /** The customer deletes the staff member (流失); 联系客户统计 counts it as negative feedback. */
    Map<String, Object> customerDeletesStaff(Corp corp, String externalUserId, String userId) {
        remove(corp, userId, externalUserId);
        synchronized (corp) {
            corp.unfollowed.add(new Corp.Unfollowed(userId, externalUserId, clock.epochSecond()));
        }
        return sent(corp, Event.contact("del_follow_user", userId, externalUserId));
    }

    /** The staff member deletes the customer. */
    Map<String, Object> staffDeletesCustomer(Corp corp, String userId, String externalUserId) {
        remove(corp, userId, externalUserId);
        return sent(corp, Event.contact("del_external_contact", userId, externalUserId));
    }

    private static void remove(Corp corp, String userId, String externalUserId) {
        synchronized (corp) {
            var follow = corp.follow(userId, externalUserId)
                    .orElseThrow(() -> SandboxError.notFound("relation " + userId + " - " + externalUserId));
            corp.follows.remove(follow);
        }
    }

    Map<String, Object> sent(Corp corp, Event event) {
        return Json.object("attempts", callbacks.publish(corp.corpId, List.of(event)));
    }
}
