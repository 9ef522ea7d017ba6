package siyu.wecom.simulator;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A follow relation: one staff member has one customer as a friend. Remark and corp tags belong to the
 * relation, not to the customer, so two staff can tag the same customer differently.
 */
final class Follow {

    final String userId;
    final String externalUserId;
    final long createTime;
    final int addWay;
    final String state;
    final String operUserId;
    String remark = "";
    String description = "";
    String remarkCorpName = "";
    List<String> remarkMobiles = new ArrayList<>();
    final Set<String> tags = new LinkedHashSet<>();

    Follow(String userId, String externalUserId, long createTime, int addWay, String state, String operUserId) {
        this.userId = userId;
        this.externalUserId = externalUserId;
        this.createTime = createTime;
        this.addWay = addWay;
        this.state = state;
        this.operUserId = operUserId;
    }
}
