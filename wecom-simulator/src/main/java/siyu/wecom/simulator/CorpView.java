package siyu.wecom.simulator;

import java.util.Map;
import org.springframework.stereotype.Component;

/** The whole of a corp as the sandbox panel shows it (camelCase: the simulator's own shape, not WeCom's). */
@Component
class CorpView {

    private final Corps corps;

    CorpView(Corps corps) {
        this.corps = corps;
    }

    Map<String, Object> of(Corp corp) {
        var qr = ContactWayApi.qrBase();
        synchronized (corp) {
            return Json.object(
                    "corpId", corp.corpId,
                    "apps",
                            corps.apps(corp.corpId).stream()
                                    .map(a -> Json.object(
                                            "agentId", a.agentId(), "name", a.name(), "callbackUrl", a.callbackUrl()))
                                    .toList(),
                    "departments", corp.departments.values(),
                    "staff", corp.staff.values().stream().map(CorpView::staff).toList(),
                    "customers",
                            corp.customers.values().stream()
                                    .map(c -> customer(corp, c))
                                    .toList(),
                    "tagGroups",
                            corp.tagGroups.values().stream()
                                    .map(CorpView::tagGroup)
                                    .toList(),
                    "contactWays",
                            corp.contactWays.values().stream()
                                    .map(w -> ContactWays.json(w, qr))
                                    .toList(),
                    "joinWays",
                            corp.joinWays.values().stream()
                                    .map(w -> JoinWays.json(w, qr))
                                    .toList(),
                    "groups",
                            corp.groups.values().stream()
                                    .map(g -> Json.object(
                                            "chatId", g.chatId,
                                            "name", g.name,
                                            "owner", g.owner,
                                            "memberCount", g.members.size(),
                                            "status", g.status))
                                    .toList(),
                    "transfers", corp.transfers.stream().map(CorpView::transfer).toList(),
                    "wayQuota", corp.wayQuota,
                    "waysInUse", corp.waysInUse(),
                    "massQuota", corp.massQuota.rule,
                    "dispatchDelayMillis", corp.dispatchDelayMillis,
                    "autoConfirm", corp.autoConfirm);
        }
    }

    static Map<String, Object> staff(Staff s) {
        return Json.object(
                "userId", s.userId,
                "name", s.name,
                "departments", s.departments,
                "position", s.position,
                "gender", s.gender,
                "customerContact", s.customerContact,
                "resigned", s.resigned());
    }

    private static Map<String, Object> customer(Corp corp, Customer c) {
        var follows = corp.followersOf(c.externalUserId()).stream()
                .map(f -> Json.object(
                        "userId", f.userId,
                        "state", f.state,
                        "tags", f.tags,
                        "createTime", f.createTime,
                        "addWay", f.addWay,
                        "remark", f.remark))
                .toList();
        return Json.object(
                "externalUserId", c.externalUserId(),
                "name", c.name(),
                "gender", c.gender(),
                "unionid", c.unionid(),
                "avatar", c.avatar(),
                "follows", follows);
    }

    private static Map<String, Object> tagGroup(TagGroup g) {
        var tags = g.tags.stream()
                .map(t -> Json.object("id", t.id, "name", t.name, "order", t.order, "agentId", t.agentId))
                .toList();
        return Json.object("groupId", g.id, "groupName", g.name, "order", g.order, "agentId", g.agentId, "tags", tags);
    }

    private static Map<String, Object> transfer(Transfer t) {
        return Json.object(
                "externalUserId", t.externalUserId,
                "handover", t.handover,
                "takeover", t.takeover,
                "resigned", t.resigned,
                "status", t.status,
                "takeoverTime", t.takeoverTime);
    }
}
