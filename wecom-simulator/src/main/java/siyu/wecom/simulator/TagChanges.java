package siyu.wecom.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Tag changes made by people, which WeCom reports by callback: the admin console's tag library
 * (change_external_tag create / update / delete, TagType tag or tag_group) and a member tagging a customer in
 * the client (change_external_contact edit_external_contact).
 */
@Component
class TagChanges {

    private final CorpTags tags;
    private final Callbacks callbacks;

    TagChanges(CorpTags tags, Callbacks callbacks) {
        this.tags = tags;
        this.callbacks = callbacks;
    }

    /**
     * Tags made in the admin console: a new group sends one tag_group create, tags put into an existing
     * group one tag create each.
     */
    Map<String, Object> create(Corp corp, Body body) {
        var request = Json.object(
                "group_id",
                body.text("groupId"),
                "group_name",
                body.text("groupName", ""),
                "order",
                body.integer("order", 0),
                "tag",
                body.texts("tags").stream()
                        .map(name -> Json.object("name", name))
                        .toList());
        Map<String, Object> group;
        boolean newGroup;
        synchronized (corp) {
            var before = List.copyOf(corp.tagGroups.keySet());
            group = tags.add(corp, null, Body.of(request));
            newGroup = !before.contains((String) group.get("group_id"));
        }
        var events = new ArrayList<Event>();
        if (newGroup) {
            events.add(Event.tag("create", (String) group.get("group_id"), "tag_group"));
        } else {
            for (var tag : (List<?>) group.get("tag")) {
                events.add(Event.tag("create", (String) ((Map<?, ?>) tag).get("id"), "tag"));
            }
        }
        return Json.object("tagGroup", group, "attempts", callbacks.publish(corp.corpId, events));
    }

    /** A tag or group renamed or moved in the admin console: change_external_tag update. */
    Map<String, Object> update(Corp corp, String id, Body body) {
        var request = Json.object("id", id, "name", body.text("name"), "order", body.raw("order"));
        String type;
        synchronized (corp) {
            type = type(corp, id);
            tags.edit(corp, null, Body.of(request));
        }
        return Json.object("attempts", callbacks.publish(corp.corpId, Event.tag("update", id, type)));
    }

    /** A tag or group deleted in the admin console: change_external_tag delete. */
    Map<String, Object> delete(Corp corp, String id) {
        String type;
        synchronized (corp) {
            type = type(corp, id);
            tags.delete(
                    corp,
                    null,
                    type.equals("tag") ? List.of(id) : List.of(),
                    type.equals("tag") ? List.of() : List.of(id));
        }
        return Json.object("attempts", callbacks.publish(corp.corpId, Event.tag("delete", id, type)));
    }

    /** A member tags their customer in the client: edit_external_contact. */
    Map<String, Object> tagCustomer(Corp corp, String userId, String externalUserId, Body body) {
        synchronized (corp) {
            var follow = corp.follow(userId, externalUserId)
                    .orElseThrow(() -> SandboxError.notFound("relation " + userId + " - " + externalUserId));
            CorpTags.retag(corp, follow, body.texts("add"), body.texts("remove"));
        }
        var event = Event.contact("edit_external_contact", userId, externalUserId);
        return Json.object("attempts", callbacks.publish(corp.corpId, event));
    }

    private static String type(Corp corp, String id) {
        if (corp.tagGroups.containsKey(id)) {
            return "tag_group";
        }
        if (corp.tag(id).isPresent()) {
            return "tag";
        }
        throw SandboxError.notFound("tag " + id);
    }
}
