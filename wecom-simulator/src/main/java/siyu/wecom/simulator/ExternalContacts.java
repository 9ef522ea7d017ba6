package siyu.wecom.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Customers and who follows them, as externalcontact/list, get, batch/get_by_user and remark see them. */
@Component
class ExternalContacts {

    /** externalcontact/get pages its follow_user beyond this many. */
    static final int FOLLOWERS_PER_PAGE = 500;

    /** externalcontact/list: 40003 for an unknown member, 84061 for one without customers. */
    List<String> list(Corp corp, @Nullable String userId) {
        synchronized (corp) {
            var member = corp.anyMember(userId);
            var ids = corp.customersOf(member.userId).stream()
                    .map(f -> f.externalUserId)
                    .toList();
            if (ids.isEmpty()) {
                throw new WeComError(84061, "not external contact");
            }
            return ids;
        }
    }

    /** externalcontact/get: 41035, 40096, or 84061 when no member follows the customer any more. */
    Map<String, Object> get(Corp corp, @Nullable String externalUserId, @Nullable String cursor) {
        synchronized (corp) {
            var customer = corp.customer(externalUserId);
            var followers = corp.followersOf(customer.externalUserId());
            if (followers.isEmpty()) {
                throw new WeComError(84061, "not external contact");
            }
            var page = Cursor.page(followers, cursor, FOLLOWERS_PER_PAGE);
            return Json.ok(
                    "external_contact",
                    customer.json(),
                    "follow_user",
                    page.page().stream().map(f -> followUser(corp, f)).toList(),
                    "next_cursor",
                    page.next());
        }
    }

    /** batch/get_by_user: up to 100 members, a page of (customer, relation) pairs. */
    Map<String, Object> byUsers(Corp corp, List<String> userIds, @Nullable String cursor, int limit) {
        if (userIds.isEmpty()) {
            throw new WeComError(41009, "missing userid");
        }
        if (userIds.size() > 100) {
            throw new WeComError(40058, "userid_list exceed max size 100");
        }
        synchronized (corp) {
            var pairs = new ArrayList<Follow>();
            for (var userId : userIds) {
                pairs.addAll(corp.customersOf(corp.anyMember(userId).userId));
            }
            var page = Cursor.page(pairs, cursor, limit <= 0 ? 50 : Math.min(limit, 100));
            var list = page.page().stream()
                    .map(f -> Json.object(
                            "external_contact",
                            corp.customers.get(f.externalUserId).json(),
                            "follow_info",
                            followInfo(f)))
                    .toList();
            return Json.ok("external_contact_list", list, "next_cursor", page.next());
        }
    }

    /** externalcontact/remark: the relation's remark fields; no callback (an API operation). */
    void remark(Corp corp, Body body) {
        synchronized (corp) {
            var member = corp.member(body.text("userid"));
            var customer = corp.customer(body.text("external_userid"));
            var follow = corp.relation(member.userId, customer.externalUserId());
            if (body.has("remark")) {
                follow.remark = body.text("remark", "");
            }
            if (body.has("description")) {
                follow.description = body.text("description", "");
            }
            if (body.has("remark_company")) {
                follow.remarkCorpName = body.text("remark_company", "");
            }
            if (body.has("remark_mobiles")) {
                follow.remarkMobiles = body.texts("remark_mobiles");
            }
        }
    }

    private static Map<String, Object> followUser(Corp corp, Follow f) {
        var tags = f.tags.stream()
                .map(id -> corp.tagGroups.values().stream()
                        .filter(g -> g.tags.stream().anyMatch(t -> t.id.equals(id)))
                        .findFirst()
                        .map(g -> Json.object(
                                "group_name",
                                g.name,
                                "tag_name",
                                corp.tag(id).orElseThrow().name,
                                "tag_id",
                                id,
                                "type",
                                1)))
                .flatMap(java.util.Optional::stream)
                .toList();
        var json = relation(f);
        json.put("tags", tags);
        json.putAll(tail(f));
        return json;
    }

    private static Map<String, Object> followInfo(Follow f) {
        var json = relation(f);
        json.put("tag_id", List.copyOf(f.tags));
        json.putAll(tail(f));
        return json;
    }

    private static Map<String, Object> relation(Follow f) {
        return Json.object(
                "userid", f.userId, "remark", f.remark, "description", f.description, "createtime", f.createTime);
    }

    private static Map<String, Object> tail(Follow f) {
        return Json.object(
                "remark_corp_name",
                f.remarkCorpName.isEmpty() ? null : f.remarkCorpName,
                "remark_mobiles",
                f.remarkMobiles,
                "oper_userid",
                f.operUserId,
                "add_way",
                f.addWay,
                "state",
                f.state.isEmpty() ? null : f.state);
    }
}
