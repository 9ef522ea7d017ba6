package siyu.wecom.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A 客户联系 callback event's own fields (doc 92130), in WeCom's order; {@link Callbacks} adds the header.
 * A null field is left out, as WeCom leaves out a State or WelcomeCode it does not have.
 */
record Event(Map<String, Object> fields) {

    static Event contact(String changeType, String userId, String externalUserId) {
        return new Event(fields(
                "Event",
                "change_external_contact",
                "ChangeType",
                changeType,
                "UserID",
                userId,
                "ExternalUserID",
                externalUserId));
    }

    static Event added(String changeType, String userId, String externalUserId, @Nullable String state, String code) {
        var event = contact(changeType, userId, externalUserId);
        event.fields.put("State", state == null ? "" : state);
        event.fields.put("WelcomeCode", code);
        return event;
    }

    static Event chat(String changeType, String chatId) {
        return new Event(fields("Event", "change_external_chat", "ChatId", chatId, "ChangeType", changeType));
    }

    /** An update of a group's members: add_member or del_member, with who changed and the versions. */
    static Event members(
            String chatId, String detail, int scene, List<String> changed, String lastVersion, String version) {
        var event = chat("update", chatId);
        event.fields.put("UpdateDetail", detail);
        event.fields.put(detail.equals("add_member") ? "JoinScene" : "QuitScene", scene);
        event.fields.put("MemChangeCnt", changed.size());
        event.fields.put("MemChangeList", new MemberList(changed));
        event.fields.put("LastMemVer", lastVersion);
        event.fields.put("CurMemVer", version);
        return event;
    }

    static Event tag(String changeType, String id, String tagType) {
        return new Event(
                fields("Event", "change_external_tag", "Id", id, "TagType", tagType, "ChangeType", changeType));
    }

    Event with(String name, Object value) {
        fields.put(name, value);
        return this;
    }

    /** The ChangeType, which names the event in a delivery report. */
    String name() {
        return String.valueOf(fields.get("ChangeType"));
    }

    /** {@code <MemChangeList><Item>a</Item>…</MemChangeList>}: written as raw XML, never as CDATA text. */
    record MemberList(List<String> items) {}

    private static Map<String, Object> fields(Object... keysAndValues) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
