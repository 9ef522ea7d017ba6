package siyu.wecom.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Everything one simulated corp holds: its directory, customers and who follows them, corp tags, 联系我 and
 * 加入群聊 ways, groups, transfers, welcome codes, media, 企业群发, 朋友圈 and what people received. Whoever reads or changes it holds
 * its monitor ({@code synchronized (corp)}); callbacks are sent after letting go.
 */
final class Corp {

    /** API-created 联系我 and 加入群聊 ways together, per corp (doc 92228). */
    static final int WAY_QUOTA = 500_000;

    final String corpId;
    /**
     * When the simulator began to hold this corp: it knows nothing of what happened before (the 联系客户统计 of
     * earlier days are made up, {@link BehaviorData}).
     */
    final Instant since;

    final Map<Long, Department> departments = new TreeMap<>();
    final Map<String, Staff> staff = new LinkedHashMap<>();
    final Map<String, Customer> customers = new LinkedHashMap<>();
    final Map<String, String> customersByUnionid = new HashMap<>();
    final List<Follow> follows = new ArrayList<>();
    /** Customers who deleted a member (del_follow_user): WeCom counts them as the member's negative feedback. */
    final List<Unfollowed> unfollowed = new ArrayList<>();

    final Map<String, TagGroup> tagGroups = new LinkedHashMap<>();
    final Map<String, ContactWay> contactWays = new LinkedHashMap<>();
    final Map<String, JoinWay> joinWays = new LinkedHashMap<>();
    final Map<String, Group> groups = new LinkedHashMap<>();
    final List<Transfer> transfers = new ArrayList<>();
    final Map<String, WelcomeMessages.Code> welcomeCodes = new HashMap<>();
    final Map<String, List<WelcomeMessages.ChatLine>> chats = new HashMap<>();
    final Map<String, List<AppMessages.Received>> inboxes = new HashMap<>();
    final Map<String, MediaFile> media = new HashMap<>();
    final Map<String, MassMessage> massMessages = new LinkedHashMap<>();
    /** When each customer or group received a 企业群发 message: what the quota counts. */
    final Map<String, List<Long>> massReceived = new HashMap<>();

    final Map<String, Moment> moments = new LinkedHashMap<>();
    int wayQuota = WAY_QUOTA;
    MassQuota massQuota = MassQuota.DAYS_IN_MONTH;
    /** How long after add_msg_template its records answer 41063 (群发消息正在被派发中). */
    long dispatchDelayMillis;
    /** Members confirm every new 企业群发 task (and publish every 朋友圈 task) at once: unattended demos. */
    boolean autoConfirm;

    boolean demo;

    /** A customer deleted a member at {@code time} (epoch seconds). */
    record Unfollowed(String userId, String externalUserId, long time) {}

    Corp(String corpId, Instant since) {
        this.corpId = corpId;
        this.since = since;
    }

    /** A member in the directory (not resigned): 40003 otherwise. */
    Staff member(@Nullable String userId) {
        var member = userId == null ? null : staff.get(userId);
        if (member == null || member.resigned()) {
            throw new WeComError(40003, "invalid userid");
        }
        return member;
    }

    /** A member, resigned or not: 40003 for an id the corp never had. */
    Staff anyMember(@Nullable String userId) {
        var member = userId == null ? null : staff.get(userId);
        if (member == null) {
            throw new WeComError(40003, "invalid userid");
        }
        return member;
    }

    /** 41035 without an id, 40096 for an unknown one. */
    Customer customer(@Nullable String externalUserId) {
        if (externalUserId == null || externalUserId.isBlank()) {
            throw new WeComError(41035, "missing external userid");
        }
        var customer = customers.get(externalUserId);
        if (customer == null) {
            throw new WeComError(40096, "invalid external userid");
        }
        return customer;
    }

    Optional<Follow> follow(String userId, String externalUserId) {
        return follows.stream()
                .filter(f -> f.userId.equals(userId) && f.externalUserId.equals(externalUserId))
                .findFirst();
    }

    /** The relation, or 84061 (不存在外部联系人的关系). */
    Follow relation(String userId, String externalUserId) {
        return follow(userId, externalUserId).orElseThrow(() -> new WeComError(84061, "not external contact"));
    }

    List<Follow> followersOf(String externalUserId) {
        return follows.stream()
                .filter(f -> f.externalUserId.equals(externalUserId))
                .toList();
    }

    List<Follow> customersOf(String userId) {
        return follows.stream().filter(f -> f.userId.equals(userId)).toList();
    }

    int waysInUse() {
        return contactWays.size() + joinWays.size();
    }

    Optional<TagGroup.Tag> tag(String tagId) {
        return tagGroups.values().stream()
                .flatMap(g -> g.tags.stream())
                .filter(t -> t.id.equals(tagId))
                .findFirst();
    }

    int tagCount() {
        return tagGroups.values().stream().mapToInt(g -> g.tags.size()).sum();
    }

    /** The customer known by unionid, or a new one. */
    Customer newCustomer(String name, int gender, @Nullable String unionid, @Nullable String avatar) {
        if (unionid != null && customersByUnionid.containsKey(unionid)) {
            return customers.get(customersByUnionid.get(unionid));
        }
        var customer = new Customer(
                Ids.externalUserId(),
                name,
                gender,
                unionid,
                avatar == null ? "http://wx.qlogo.cn/mmhead/" + Ids.token(20) + "/0" : avatar);
        customers.put(customer.externalUserId(), customer);
        if (unionid != null) {
            customersByUnionid.put(unionid, customer.externalUserId());
        }
        return customer;
    }
}
