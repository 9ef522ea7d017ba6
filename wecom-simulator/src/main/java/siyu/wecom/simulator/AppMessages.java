package siyu.wecom.simulator;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * message/send (doc 90236) for text, textcard and markdown: each recipient's inbox keeps what they got, for
 * the sandbox to show. Unknown recipients come back in invaliduser / invalidparty / invalidtag; when nobody
 * is left the answer is 81013.
 */
@Component
class AppMessages {

    static final int MAX_CONTENT_BYTES = 2048;
    static final int MAX_USERS = 1000;
    static final int MAX_PARTIES = 100;
    static final Set<String> TYPES = Set.of("text", "textcard", "markdown");

    /** An app message a member received. */
    record Received(long time, String agentId, String msgid, String msgtype, JsonNode content) {}

    private final SimulatedClock clock;

    AppMessages(SimulatedClock clock) {
        this.clock = clock;
    }

    Map<String, Object> send(Corp corp, Corps.App app, Body body) {
        if (!body.has("agentid")) {
            throw new WeComError(41011, "missing agentid");
        }
        if (!app.agentId().equals(body.text("agentid"))) {
            throw new WeComError(301002, "not allow operate another agent with this accesstoken");
        }
        var msgtype = body.text("msgtype", "");
        if (!TYPES.contains(msgtype)) {
            throw new WeComError(40008, "invalid message type");
        }
        check(msgtype, body.object(msgtype));
        var users = split(body.text("touser", ""));
        var parties = split(body.text("toparty", ""));
        var tags = split(body.text("totag", ""));
        if (users.isEmpty() && parties.isEmpty() && tags.isEmpty()) {
            throw new WeComError(82001, "All touser & toparty & totag invalid");
        }
        if (users.size() > MAX_USERS) {
            throw new WeComError(40032, "invalid user list size");
        }
        if (parties.size() > MAX_PARTIES) {
            throw new WeComError(82002, "invalid party list size");
        }
        var msgid = Ids.msgId();
        synchronized (corp) {
            var reached = new LinkedHashSet<String>();
            var invalidUsers = new ArrayList<String>();
            var invalidParties = new ArrayList<String>();
            for (var user : users) {
                if (user.equals("@all")) {
                    corp.staff.values().stream().filter(s -> !s.resigned()).forEach(s -> reached.add(s.userId));
                } else if (corp.staff.containsKey(user) && !corp.staff.get(user).resigned()) {
                    reached.add(user);
                } else {
                    invalidUsers.add(user);
                }
            }
            for (var party : parties) {
                if (party.matches("\\d{1,18}") && corp.departments.containsKey(Long.parseLong(party))) {
                    reached.addAll(Directory.membersOf(corp, List.of(Long.parseLong(party))));
                } else {
                    invalidParties.add(party);
                }
            }
            var answer = Json.object(
                    "errcode",
                    reached.isEmpty() ? 81013 : 0,
                    "errmsg",
                    reached.isEmpty() ? "user & party & tag all invalid" : "ok",
                    "invaliduser",
                    String.join("|", invalidUsers),
                    "invalidparty",
                    String.join("|", invalidParties),
                    "invalidtag",
                    String.join("|", tags),
                    "unlicenseduser",
                    "");
            if (!reached.isEmpty()) {
                var received = new Received(clock.epochSecond(), app.agentId(), msgid, msgtype, body.raw(msgtype));
                reached.forEach(id ->
                        corp.inboxes.computeIfAbsent(id, k -> new ArrayList<>()).add(received));
                answer.put("msgid", msgid);
            }
            return answer;
        }
    }

    List<Received> inbox(Corp corp, String userId) {
        synchronized (corp) {
            return List.copyOf(corp.inboxes.getOrDefault(userId, List.of()));
        }
    }

    private static void check(String msgtype, Body message) {
        switch (msgtype) {
            case "textcard" -> {
                if (message.text("title") == null) {
                    throw new WeComError(41016, "missing title");
                }
                if (message.text("description") == null) {
                    throw new WeComError(41033, "missing description");
                }
                if (message.text("url") == null) {
                    throw new WeComError(41010, "missing url");
                }
                if (Body.bytes(message.text("title")) > 128 || Body.bytes(message.text("description")) > 512) {
                    throw new WeComError(45002, "content size out of limit");
                }
            }
            default -> {
                var content = message.text("content");
                if (content == null) {
                    throw new WeComError(44004, "empty content");
                }
                if (Body.bytes(content) > MAX_CONTENT_BYTES) {
                    throw new WeComError(45002, "content size out of limit");
                }
            }
        }
    }

    private static List<String> split(String ids) {
        return ids.isBlank() ? List.of() : List.of(ids.split("\\|"));
    }
}
