package siyu.wecom.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Customer groups: groupchat/list and get (doc 92120/92122), and what people do in them, which WeCom reports
 * by change_external_chat: a group made, customers joining (invited, or by scanning a 加入群聊 code, which
 * takes the first group of the way with room and makes a new one when all are full) and leaving.
 */
@Component
class Groups {

    /** The sandbox's errcode for a full group (群成员数过多). */
    static final int FULL = 86006;

    private final SimulatedClock clock;
    private final Callbacks callbacks;

    Groups(SimulatedClock clock, Callbacks callbacks) {
        this.clock = clock;
        this.callbacks = callbacks;
    }

    /** groupchat/list: by status (0 = all) and owners, paged with limit 1..1000. */
    Cursor<Group> list(Corp corp, Body body) {
        int status = body.integer("status_filter", 0);
        var owners = body.object("owner_filter").texts("userid_list");
        int limit = body.integer("limit", 0);
        if (limit < 1 || limit > 1000) {
            throw new WeComError(40058, "limit should be in [1, 1000]");
        }
        synchronized (corp) {
            var found = corp.groups.values().stream()
                    .filter(g -> status == 0 || g.status == status)
                    .filter(g -> owners.isEmpty() || owners.contains(g.owner))
                    .toList();
            return Cursor.page(found, body.text("cursor"), limit);
        }
    }

    Map<String, Object> get(Corp corp, @Nullable String chatId, boolean needName) {
        synchronized (corp) {
            var group = group(corp, chatId);
            var members = group.members.stream()
                    .map(m -> Json.object(
                            "userid", m.id(),
                            "type", m.type(),
                            "unionid", m.unionid(),
                            "join_time", m.joinTime(),
                            "join_scene", m.joinScene(),
                            "invitor", m.invitor() == null ? null : Json.object("userid", m.invitor()),
                            "group_nickname", "",
                            "name", needName ? m.name() : null,
                            "state", m.state()))
                    .toList();
            var admins =
                    group.admins.stream().map(a -> Json.object("userid", a)).toList();
            return Json.object(
                    "chat_id", group.chatId,
                    "name", group.name,
                    "owner", group.owner,
                    "create_time", group.createTime,
                    "notice", group.notice,
                    "member_list", members,
                    "admin_list", admins,
                    "member_version", group.memberVersion);
        }
    }

    /** A staff member makes a group in the client: change_external_chat create. */
    Map<String, Object> create(Corp corp, String name, String owner, List<String> staff, List<String> customers) {
        Group group;
        synchronized (corp) {
            group = make(corp, name, corp.member(owner));
            for (var userId : staff) {
                var member = corp.member(userId);
                if (!userId.equals(owner)) {
                    group.members.add(staffMember(member, owner));
                }
            }
            for (var id : customers) {
                group.members.add(customerMember(corp, id, 1, owner, null));
            }
        }
        var attempts = callbacks.publish(corp.corpId, Event.chat("create", group.chatId));
        return Json.object("chatId", group.chatId, "attempts", attempts);
    }

    /** Someone joins (invited by the owner, or by the group's QR code with {@code via: "qr"}). */
    Map<String, Object> join(Corp corp, String chatId, Body body) {
        Event event;
        String memberId;
        synchronized (corp) {
            var group = sandboxGroup(corp, chatId);
            boolean qr = "qr".equals(body.text("via"));
            var userId = body.text("userId");
            memberId = userId != null ? userId : Scans.customer(corp, body).externalUserId();
            if (group.member(memberId).isPresent()) {
                throw SandboxError.conflict(40058, memberId + " is already a member of " + chatId);
            }
            if (group.full()) {
                throw SandboxError.conflict(FULL, "chat is full: " + Group.CAPACITY + " members");
            }
            var invitor = qr ? null : group.owner;
            var member = userId != null
                    ? staffMember(corp.member(userId), invitor)
                    : customerMember(corp, memberId, qr ? 3 : 1, invitor, null);
            event = add(group, List.of(member), qr ? 3 : 0);
        }
        return Json.object("chatId", chatId, "memberId", memberId, "attempts", callbacks.publish(corp.corpId, event));
    }

    /** A member leaves by themselves: update del_member with QuitScene 0. */
    Map<String, Object> leave(Corp corp, String chatId, Body body) {
        Event event;
        synchronized (corp) {
            var group = sandboxGroup(corp, chatId);
            var id = body.text("externalUserId", body.text("userId", ""));
            if (id.equals(group.owner)) {
                throw SandboxError.badRequest("the owner cannot leave");
            }
            var member = group.member(id).orElseThrow(() -> SandboxError.notFound("member " + id));
            group.members.remove(member);
            var last = group.memberVersion;
            group.memberVersion = Ids.version();
            event = Event.members(chatId, "del_member", 0, List.of(id), last, group.memberVersion);
        }
        return Json.object("chatId", chatId, "attempts", callbacks.publish(corp.corpId, event));
    }

    /**
     * The owner dismisses the group: WeCom forgets it (groupchat/get answers 40050 from then on) and reports
     * change_external_chat dismiss, unless {@code notify} is false (a callback that never arrived).
     */
    Map<String, Object> dismiss(Corp corp, String chatId, boolean notify) {
        synchronized (corp) {
            sandboxGroup(corp, chatId);
            corp.groups.remove(chatId);
        }
        var attempts = notify ? callbacks.publish(corp.corpId, Event.chat("dismiss", chatId)) : List.of();
        return Json.object("chatId", chatId, "attempts", attempts);
    }

    /** Brings the group to {@code count} members with new customers, in one add_member callback. */
    Map<String, Object> fill(Corp corp, String chatId, int count) {
        if (count > Group.CAPACITY) {
            throw SandboxError.conflict(FULL, "a group holds at most " + Group.CAPACITY + " members");
        }
        Event event = null;
        int size;
        synchronized (corp) {
            var group = sandboxGroup(corp, chatId);
            var added = new ArrayList<Group.Member>();
            for (int i = group.members.size(); i < count; i++) {
                var customer = corp.newCustomer("群成员" + (i + 1), 0, null, null);
                added.add(customerMember(corp, customer.externalUserId(), 1, group.owner, null));
            }
            if (!added.isEmpty()) {
                event = add(group, added, 0);
            }
            size = group.members.size();
        }
        var attempts = event == null ? List.of() : callbacks.publish(corp.corpId, event);
        return Json.object("chatId", chatId, "memberCount", size, "attempts", attempts);
    }

    /** A customer scans a 加入群聊 code: the first group with room, or a new one when all are full. */
    Map<String, Object> scan(Corp corp, JoinWay way, Body body) {
        var events = new ArrayList<Event>();
        Customer customer;
        Group target;
        synchronized (corp) {
            customer = Scans.customer(corp, body);
            target = way.chatIds.stream()
                    .map(corp.groups::get)
                    .filter(g -> g != null && !g.full())
                    .findFirst()
                    .orElse(null);
            if (target == null) {
                if (!way.autoCreateRoom || way.chatIds.isEmpty()) {
                    throw SandboxError.conflict(FULL, "every group of the join way is full");
                }
                var owner = corp.groups.get(way.chatIds.getFirst()).owner;
                target = make(corp, way.roomBaseName + way.roomBaseId++, corp.anyMember(owner));
                way.chatIds.add(target.chatId);
                events.add(Event.chat("create", target.chatId));
            }
            if (target.member(customer.externalUserId()).isEmpty()) {
                var member = customerMember(corp, customer.externalUserId(), 3, null, way.state);
                events.add(add(target, List.of(member), 3));
            }
        }
        return Json.object(
                "externalUserId", customer.externalUserId(),
                "chatId", target.chatId,
                "attempts", callbacks.publish(corp.corpId, events));
    }

    /** 40050 for a chat the corp does not have. */
    static Group group(Corp corp, @Nullable String chatId) {
        var group = chatId == null ? null : corp.groups.get(chatId);
        if (group == null) {
            throw new WeComError(40050, "chatid not found");
        }
        return group;
    }

    private static Group sandboxGroup(Corp corp, String chatId) {
        var group = corp.groups.get(chatId);
        if (group == null) {
            throw SandboxError.notFound("chat " + chatId);
        }
        return group;
    }

    Group make(Corp corp, String name, Staff owner) {
        var group = new Group(Ids.chatId(), name, owner.userId, clock.epochSecond());
        group.members.add(staffMember(owner, null));
        corp.groups.put(group.chatId, group);
        return group;
    }

    private Event add(Group group, List<Group.Member> members, int joinScene) {
        group.members.addAll(members);
        var last = group.memberVersion;
        group.memberVersion = Ids.version();
        var ids = members.stream().map(Group.Member::id).toList();
        return Event.members(group.chatId, "add_member", joinScene, ids, last, group.memberVersion);
    }

    private Group.Member staffMember(Staff staff, @Nullable String invitor) {
        return new Group.Member(staff.userId, 1, null, clock.epochSecond(), 1, invitor, staff.name, null);
    }

    Group.Member customerMember(
            Corp corp, String externalUserId, int joinScene, @Nullable String invitor, @Nullable String state) {
        var customer = corp.customers.get(externalUserId);
        if (customer == null) {
            throw SandboxError.notFound("customer " + externalUserId);
        }
        return new Group.Member(
                externalUserId,
                2,
                customer.unionid(),
                clock.epochSecond(),
                joinScene,
                invitor,
                customer.name(),
                state == null || state.isEmpty() ? null : state);
    }
}
