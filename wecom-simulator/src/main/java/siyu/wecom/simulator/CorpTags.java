package siyu.wecom.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Corp tags (doc 92117): at most {@link #MAX_TAGS} per corp (40126), names of at most {@link #MAX_NAME}
 * characters, unique within their group (40071); an app edits and deletes only what it made (301002),
 * 40068 for an unknown id. Tags sit on follow relations. Nothing done through the API sends a callback; the
 * admin console's and the client's changes ({@link TagChanges}) do.
 */
@Component
class CorpTags {

    static final int MAX_TAGS = 3000;
    static final int MAX_NAME = 30;

    private final SimulatedClock clock;

    CorpTags(SimulatedClock clock) {
        this.clock = clock;
    }

    /** get_corp_tag_list: all, or the groups named (which wins), or the tags named with their groups. */
    List<Map<String, Object>> list(Corp corp, List<String> tagIds, List<String> groupIds) {
        synchronized (corp) {
            var answer = new ArrayList<Map<String, Object>>();
            for (var group : corp.tagGroups.values()) {
                var tags = group.tags.stream()
                        .filter(t -> !groupIds.isEmpty() || tagIds.isEmpty() || tagIds.contains(t.id))
                        .toList();
                boolean wanted = groupIds.isEmpty() ? tagIds.isEmpty() || !tags.isEmpty() : groupIds.contains(group.id);
                if (wanted) {
                    answer.add(json(group, tags, true));
                }
            }
            return answer;
        }
    }

    /** add_corp_tag: into group_id, into the group called group_name, or into a new group of that name. */
    Map<String, Object> add(Corp corp, @Nullable String agentId, Body body) {
        var names = new ArrayList<String>();
        var orders = new ArrayList<Integer>();
        var tags = body.raw("tag");
        if (tags == null || !tags.isArray() || tags.isEmpty()) {
            throw new WeComError(40058, "tag is empty");
        }
        tags.forEach(t -> {
            names.add(name(t.path("name").asString()));
            orders.add(t.path("order").asInt(0));
        });
        synchronized (corp) {
            if (corp.tagCount() + names.size() > MAX_TAGS) {
                throw new WeComError(40126, "corp tag count reach limit " + MAX_TAGS);
            }
            var group = target(corp, agentId, body);
            var added = new ArrayList<TagGroup.Tag>();
            for (int i = 0; i < names.size(); i++) {
                var name = names.get(i);
                if (group.tags.stream().anyMatch(t -> t.name.equals(name))) {
                    throw new WeComError(40071, "UserTag Name Already Exist");
                }
                var tag = new TagGroup.Tag(Ids.tagId(), name, clock.epochSecond(), orders.get(i), agentId);
                group.tags.add(tag);
                added.add(tag);
            }
            return json(group, added, false);
        }
    }

    /** edit_corp_tag: a tag's or a group's name and order. */
    void edit(Corp corp, @Nullable String agentId, Body body) {
        var id = body.text("id");
        synchronized (corp) {
            var group = id == null ? null : corp.tagGroups.get(id);
            var tag = id == null ? Optional.<TagGroup.Tag>empty() : corp.tag(id);
            if (group == null && tag.isEmpty()) {
                throw new WeComError(40068, "invalid tagid");
            }
            var name = body.text("name");
            if (group != null) {
                own(group.agentId, agentId);
                if (name != null
                        && corp.tagGroups.values().stream().anyMatch(g -> g != group && g.name.equals(name(name)))) {
                    throw new WeComError(40071, "UserTag Name Already Exist");
                }
                group.name = name == null ? group.name : name;
                group.order = body.integer("order", (int) group.order);
            } else {
                var found = tag.get();
                own(found.agentId, agentId);
                if (name != null
                        && groupOf(corp, found.id).tags.stream()
                                .anyMatch(t -> t != found && t.name.equals(name(name)))) {
                    throw new WeComError(40071, "UserTag Name Already Exist");
                }
                found.name = name == null ? found.name : name;
                found.order = body.integer("order", (int) found.order);
            }
        }
    }

    /** del_corp_tag: tags and whole groups; a group left without tags goes too; relations lose them. */
    void delete(Corp corp, @Nullable String agentId, List<String> tagIds, List<String> groupIds) {
        if (tagIds.isEmpty() && groupIds.isEmpty()) {
            throw new WeComError(40068, "invalid tagid");
        }
        synchronized (corp) {
            for (var id : groupIds) {
                var group = corp.tagGroups.get(id);
                if (group == null) {
                    throw new WeComError(40068, "invalid tagid");
                }
                own(group.agentId, agentId);
            }
            for (var id : tagIds) {
                own(corp.tag(id).orElseThrow(() -> new WeComError(40068, "invalid tagid")).agentId, agentId);
            }
            groupIds.forEach(id -> remove(
                    corp, corp.tagGroups.get(id).tags.stream().map(t -> t.id).toList()));
            remove(corp, tagIds);
        }
    }

    /** mark_tag: any corp tag on a relation of the member; no callback. */
    void mark(Corp corp, Body body) {
        synchronized (corp) {
            var member = corp.member(body.text("userid"));
            var customer = corp.customer(body.text("external_userid"));
            var follow = corp.relation(member.userId, customer.externalUserId());
            var add = body.texts("add_tag");
            var remove = body.texts("remove_tag");
            if (add.isEmpty() && remove.isEmpty()) {
                throw new WeComError(40058, "add_tag and remove_tag are both empty");
            }
            retag(corp, follow, add, remove);
        }
    }

    /** Adds and removes tags on a relation; 40068 for a tag the corp does not have. The caller holds the corp. */
    static void retag(Corp corp, Follow follow, List<String> add, List<String> remove) {
        for (var id : add) {
            corp.tag(id).orElseThrow(() -> new WeComError(40068, "invalid tagid"));
        }
        follow.tags.addAll(add);
        remove.forEach(follow.tags::remove);
    }

    /** Removes tags (a group left empty goes too) and takes them off every relation. The caller holds the corp. */
    static void remove(Corp corp, List<String> tagIds) {
        for (var group : List.copyOf(corp.tagGroups.values())) {
            group.tags.removeIf(t -> tagIds.contains(t.id));
            if (group.tags.isEmpty()) {
                corp.tagGroups.remove(group.id);
            }
        }
        corp.follows.forEach(f -> tagIds.forEach(f.tags::remove));
    }

    static TagGroup groupOf(Corp corp, String tagId) {
        return corp.tagGroups.values().stream()
                .filter(g -> g.tags.stream().anyMatch(t -> t.id.equals(tagId)))
                .findFirst()
                .orElseThrow();
    }

    private TagGroup target(Corp corp, @Nullable String agentId, Body body) {
        var groupId = body.text("group_id");
        if (groupId != null) {
            var group = corp.tagGroups.get(groupId);
            if (group == null) {
                throw new WeComError(40068, "invalid tagid");
            }
            return group;
        }
        var groupName = name(body.text("group_name", ""));
        return corp.tagGroups.values().stream()
                .filter(g -> g.name.equals(groupName))
                .findFirst()
                .orElseGet(() -> {
                    var group = new TagGroup(
                            Ids.tagId(), groupName, clock.epochSecond(), body.integer("order", 0), agentId);
                    corp.tagGroups.put(group.id, group);
                    return group;
                });
    }

    private static void own(@Nullable String owner, @Nullable String agentId) {
        if (agentId != null && !agentId.equals(owner)) {
            throw new WeComError(301002, "not allow operate another agent with this accesstoken");
        }
    }

    private static String name(String name) {
        if (name.isBlank()) {
            throw new WeComError(40058, "tag name is empty");
        }
        if (name.length() > MAX_NAME) {
            throw new WeComError(40058, "tag name exceed max length " + MAX_NAME);
        }
        return name;
    }

    private static Map<String, Object> json(TagGroup group, List<TagGroup.Tag> tags, boolean withDeleted) {
        var list = tags.stream()
                .map(t -> Json.object(
                        "id", t.id,
                        "name", t.name,
                        "create_time", t.createTime,
                        "order", t.order,
                        "deleted", withDeleted ? false : null))
                .toList();
        return Json.object(
                "group_id", group.id,
                "group_name", group.name,
                "create_time", group.createTime,
                "order", group.order,
                "deleted", withDeleted ? false : null,
                "tag", list);
    }
}
