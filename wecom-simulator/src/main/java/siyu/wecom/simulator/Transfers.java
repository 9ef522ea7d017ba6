package siyu.wecom.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * 在职继承 and 离职继承 of customers (doc 92125/94081): at most {@link #MAX_CUSTOMERS} per call, an errcode per
 * customer, at most {@link #MAX_PER_WINDOW} 在职 transfers of a customer in {@link #WINDOW} (40128). A transfer
 * waits {@link #TAKEOVER} of simulated time, then the takeover member has the customer and the handover's
 * relation ends (del_external_contact with Source DELETE_BY_TRANSFER for 在职); the customer can refuse before.
 */
@Component
class Transfers {

    static final Duration TAKEOVER = Duration.ofHours(24);
    static final Duration WINDOW = Duration.ofDays(90);
    static final int MAX_CUSTOMERS = 100;
    static final int MAX_PER_WINDOW = 2;
    static final int MAX_MESSAGE = 200;

    private final SimulatedClock clock;
    private final Callbacks callbacks;
    private final CorpStates states;

    Transfers(SimulatedClock clock, Callbacks callbacks, CorpStates states) {
        this.clock = clock;
        this.callbacks = callbacks;
        this.states = states;
        clock.onAdvance(this::completeDue);
    }

    /** transfer_customer (在职) or resigned/transfer_customer: {@code [{external_userid, errcode}]}. */
    List<Map<String, Object>> start(Corp corp, Body body, boolean resigned) {
        var ids = body.texts("external_userid");
        if (ids.isEmpty()) {
            throw new WeComError(41035, "missing external userid");
        }
        if (ids.size() > MAX_CUSTOMERS) {
            throw new WeComError(40058, "external_userid exceed max size " + MAX_CUSTOMERS);
        }
        var message = body.text("transfer_success_msg");
        if (message != null && message.length() > MAX_MESSAGE) {
            throw new WeComError(40058, "transfer_success_msg exceed max length " + MAX_MESSAGE);
        }
        synchronized (corp) {
            var handover = corp.anyMember(body.text("handover_userid"));
            var takeover = corp.member(body.text("takeover_userid"));
            if (!takeover.customerContact) {
                throw new WeComError(40098, "takeover user has no customer contact permission");
            }
            var text = message != null ? message : "您好，您的服务已升级，后续将由我的同事" + takeover.name + "接替我的工作，继续为您服务。";
            var answer = new ArrayList<Map<String, Object>>();
            for (var id : ids) {
                int errcode = check(corp, id, handover, takeover, resigned);
                if (errcode == 0) {
                    long now = clock.epochSecond();
                    corp.transfers.add(new Transfer(
                            id, handover.userId, takeover.userId, resigned, now, now + TAKEOVER.toSeconds(), text));
                    if (!resigned) {
                        WelcomeMessages.say(
                                corp, id, new WelcomeMessages.ChatLine(now, handover.userId, "transfer", text, null));
                    }
                }
                answer.add(Json.object("external_userid", id, "errcode", errcode));
            }
            return answer;
        }
    }

    /** transfer_result / resigned/transfer_result for one handover and takeover pair. */
    Cursor<Transfer> result(Corp corp, Body body, boolean resigned) {
        completeDue();
        synchronized (corp) {
            var handover = corp.anyMember(body.text("handover_userid")).userId;
            var takeover = corp.anyMember(body.text("takeover_userid")).userId;
            var found = corp.transfers.stream()
                    .filter(t -> t.resigned == resigned && t.handover.equals(handover) && t.takeover.equals(takeover))
                    .toList();
            return Cursor.page(found, body.text("cursor"), 1000);
        }
    }

    /** get_unassigned_list: customers of resigned members not yet (being) handed over. */
    Map<String, Object> unassigned(Corp corp, Body body) {
        completeDue();
        int size = Math.min(Math.max(body.integer("page_size", 1000), 1), 1000);
        synchronized (corp) {
            var info = new ArrayList<Map<String, Object>>();
            for (var follow : corp.follows) {
                var member = corp.staff.get(follow.userId);
                if (member.resigned() && corp.transfers.stream().noneMatch(t -> pending(t, follow))) {
                    info.add(Json.object(
                            "handover_userid", follow.userId,
                            "external_userid", follow.externalUserId,
                            "dimission_time", member.resignedAt.getEpochSecond()));
                }
            }
            var page = Cursor.page(info, body.text("cursor"), size);
            return Json.ok("info", page.page(), "is_last", page.next().isEmpty(), "next_cursor", page.next());
        }
    }

    /** The customer refuses the waiting transfer: status 3 and transfer_fail (customer_refused). */
    Map<String, Object> refuse(Corp corp, String externalUserId) {
        Transfer transfer;
        synchronized (corp) {
            transfer = corp.transfers.stream()
                    .filter(t -> t.externalUserId.equals(externalUserId) && t.status == Transfer.WAITING)
                    .findFirst()
                    .orElseThrow(() -> SandboxError.notFound("waiting transfer of " + externalUserId));
            transfer.status = Transfer.REFUSED;
        }
        var event = Event.contact("transfer_fail", transfer.takeover, externalUserId)
                .with("FailReason", "customer_refused");
        return Json.object("attempts", callbacks.publish(corp.corpId, event));
    }

    /** Completes every transfer whose 24 h are over, in every corp, and sends what WeCom sends then. */
    void completeDue() {
        for (var corp : states.all()) {
            var events = new ArrayList<Event>();
            synchronized (corp) {
                long now = clock.epochSecond();
                corp.transfers.stream()
                        .filter(t -> t.status == Transfer.WAITING && t.takeoverTime <= now)
                        .forEach(t -> events.addAll(complete(corp, t, now)));
            }
            if (!events.isEmpty()) {
                callbacks.publish(corp.corpId, events);
            }
        }
    }

    private static List<Event> complete(Corp corp, Transfer t, long now) {
        t.status = Transfer.DONE;
        var events = new ArrayList<Event>();
        var old = corp.follow(t.handover, t.externalUserId);
        if (corp.follow(t.takeover, t.externalUserId).isEmpty()) {
            var follow = new Follow(
                    t.takeover,
                    t.externalUserId,
                    now,
                    202,
                    old.map(f -> f.state).orElse(""),
                    t.takeover);
            old.ifPresent(f -> follow.tags.addAll(f.tags));
            corp.follows.add(follow);
            events.add(Event.contact("add_external_contact", t.takeover, t.externalUserId));
        }
        old.ifPresent(corp.follows::remove);
        if (!t.resigned) {
            events.add(Event.contact("del_external_contact", t.handover, t.externalUserId)
                    .with("Source", "DELETE_BY_TRANSFER"));
        }
        return events;
    }

    private int check(Corp corp, String id, Staff handover, Staff takeover, boolean resigned) {
        if (!corp.customers.containsKey(id)) {
            return 40096;
        }
        if (resigned && !handover.resigned()) {
            return 40097;
        }
        if (handover.userId.equals(takeover.userId)) {
            return 40130;
        }
        if (corp.follow(handover.userId, id).isEmpty()) {
            return 40131;
        }
        if (corp.transfers.stream().anyMatch(t -> t.externalUserId.equals(id) && t.status == Transfer.WAITING)) {
            return 40100;
        }
        long since = clock.epochSecond() - WINDOW.toSeconds();
        long recent = corp.transfers.stream()
                .filter(t -> !t.resigned && t.externalUserId.equals(id) && t.startTime > since)
                .count();
        return !resigned && recent >= MAX_PER_WINDOW ? 40128 : 0;
    }

    private static boolean pending(Transfer t, Follow follow) {
        return t.externalUserId.equals(follow.externalUserId)
                && t.handover.equals(follow.userId)
                && t.status != Transfer.REFUSED;
    }
}
