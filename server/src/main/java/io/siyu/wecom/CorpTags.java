package io.siyu.wecom;

import io.siyu.shared.Tenancy;
import io.siyu.shared.TenantId;
import io.siyu.tagging.TagDefinitionChanged;
import io.siyu.tagging.TagGroup;
import io.siyu.tagging.TagKind;
import io.siyu.tagging.TagManagement;
import io.siyu.tagging.TagObserver;
import io.siyu.tagging.TagSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * WeCom's corporate tags, both ways. From WeCom: its tag groups and tags become Siyu's (matched by name the
 * first time, then by id), renamed and deleted with them — on every reconcile and whenever WeCom reports a
 * tag change; a staff member's tagging inside WeCom reaches the customer. To WeCom: renaming or deleting a
 * mirrored tag or group, a new tag in a mirrored group, and tagging a customer with a mirrored tag are sent
 * through the outbox (an app may change only tags it made: WeCom refuses the others, and the row says so).
 * Changes that came from WeCom are not sent back ({@link FromWeCom}).
 */
@Component
class CorpTags implements TagObserver, OutboxSender.Delivery {

    /** What a sync changed. */
    record Diff(int groups, int tags, int created, int renamed, int deleted) {}

    private record Mapped(String wecomId, boolean group, int siyuId, String name) {}

    private final WeComClient client;
    private final WeComApps apps;
    private final TagManagement tags;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final WeComOutbox outbox;

    CorpTags(
            WeComClient client,
            WeComApps apps,
            // the tag module tells its observers (this one among them) of changes: it is made first
            @org.springframework.context.annotation.Lazy TagManagement tags,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            WeComOutbox outbox) {
        this.client = client;
        this.apps = apps;
        this.tags = tags;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.outbox = outbox;
    }

    // ---- from WeCom

    /** Pulls the corp's tag list and makes Siyu's mirrored groups and tags match it. */
    Diff pull(WeComApp app) {
        var list =
                client.post(app, "externalcontact/get_corp_tag_list", Map.of()).path("tag_group");
        return java.util.Objects.requireNonNull(
                FromWeCom.apply(() -> transactions.execute(status -> apply(app, list))));
    }

    private Diff apply(WeComApp app, JsonNode list) {
        var mapped = mapped(app.id());
        var groups = new HashMap<Integer, TagGroup>();
        tags.groups().forEach(g -> groups.put(g.id(), g));
        var seen = new HashSet<String>();
        int created = 0;
        int renamed = 0;
        int tagCount = 0;
        int groupCount = 0;
        for (var wecomGroup : list) {
            if (wecomGroup.path("deleted").asBoolean(false)) {
                continue;
            }
            groupCount++;
            var groupId = wecomGroup.path("group_id").asString();
            var groupName = clip(wecomGroup.path("group_name").asString());
            seen.add(groupId);
            var known = mapped.get(groupId);
            int siyuGroup;
            if (known != null && groups.containsKey(known.siyuId())) {
                siyuGroup = known.siyuId();
                if (!groups.get(siyuGroup).name().equals(groupName)) {
                    tags.updateGroup(siyuGroup, groupName, null);
                    renamed++;
                }
            } else {
                var byName = groups.values().stream()
                        .filter(g -> g.name().equals(groupName))
                        .findFirst();
                if (byName.isPresent()) {
                    siyuGroup = byName.get().id();
                } else {
                    var group = tags.createGroup(groupName, TagKind.ATTRIBUTE);
                    groups.put(group.id(), group);
                    siyuGroup = group.id();
                    created++;
                }
            }
            map(app.id(), groupId, true, siyuGroup, groupName);
            var siyuTags = new HashMap<String, Integer>();
            groups.get(siyuGroup).tags().forEach(t -> siyuTags.put(t.name(), t.id()));
            var siyuTagIds = new HashSet<>(siyuTags.values());
            for (var wecomTag : wecomGroup.path("tag")) {
                if (wecomTag.path("deleted").asBoolean(false)) {
                    continue;
                }
                tagCount++;
                var tagId = wecomTag.path("id").asString();
                var tagName = clip(wecomTag.path("name").asString());
                seen.add(tagId);
                var knownTag = mapped.get(tagId);
                int siyuTag;
                if (knownTag != null && siyuTagIds.contains(knownTag.siyuId())) {
                    siyuTag = knownTag.siyuId();
                    if (!knownTag.name().equals(tagName)) {
                        tags.updateTag(siyuTag, tagName, null);
                        renamed++;
                    }
                } else if (siyuTags.containsKey(tagName)) {
                    siyuTag = siyuTags.get(tagName);
                } else {
                    siyuTag = tags.createTag(siyuGroup, tagName, false).id();
                    created++;
                }
                map(app.id(), tagId, false, siyuTag, tagName);
            }
        }
        int deleted = 0;
        for (var gone : mapped.values()) {
            if (seen.contains(gone.wecomId()) || gone.group()) {
                continue;
            }
            unmap(app.id(), gone.wecomId());
            tags.deleteTag(gone.siyuId());
            deleted++;
        }
        for (var gone : mapped.values()) {
            if (!seen.contains(gone.wecomId()) && gone.group()) {
                unmap(app.id(), gone.wecomId());
                if (tags.groups().stream()
                        .anyMatch(g -> g.id() == gone.siyuId() && g.tags().isEmpty())) {
                    tags.deleteGroup(gone.siyuId());
                    deleted++;
                }
            }
        }
        return new Diff(groupCount, tagCount, created, renamed, deleted);
    }

    /**
     * Makes the customer's mirrored tags what its relations with the app's staff say in WeCom (a staff
     * member tagged or untagged the customer in the WeCom client).
     */
    void applyCustomerTags(WeComApp app, long customer) {
        applyCustomerTags(app, customer, mapped(app.id()));
    }

    /** Applies WeCom's tags to one customer after another with the tag map read once (a page of a reconcile). */
    java.util.function.LongConsumer customerTagger(WeComApp app) {
        var mapped = mapped(app.id());
        return customer -> applyCustomerTags(app, customer, mapped);
    }

    private void applyCustomerTags(WeComApp app, long customer, Map<String, Mapped> mapped) {
        var wecomIds = jdbc.sql("select distinct unnest(wecom_tag_ids) from wecom_contact"
                        + " where app_id = ? and customer_id = ? and lost_at is null")
                .params(app.id(), customer)
                .query(String.class)
                .list();
        var wanted = new HashSet<Integer>();
        wecomIds.forEach(id -> {
            var tag = mapped.get(id);
            if (tag != null && !tag.group()) {
                wanted.add(tag.siyuId());
            }
        });
        var mirrored = new HashSet<Integer>();
        mapped.values().stream().filter(m -> !m.group()).forEach(m -> mirrored.add(m.siyuId()));
        var has = tags.organisationTagsOf(customer);
        var add = wanted.stream().filter(t -> !has.contains(t)).toList();
        var remove = has.stream()
                .filter(t -> mirrored.contains(t) && !wanted.contains(t))
                .toList();
        if (!add.isEmpty() || !remove.isEmpty()) {
            tags.applyFromConnector(List.of(customer), add, remove, TagSource.WECOM);
        }
    }

    // ---- to WeCom

    /** An operator changed an organisation tag or group: mirrored ones change in WeCom too. */
    @EventListener
    void changed(TagDefinitionChanged change) {
        if (FromWeCom.applying() || Tenancy.current().isEmpty()) {
            return;
        }
        for (var app : apps.all()) {
            var mapped = mapped(app.id());
            var bySiyu = new HashMap<String, Mapped>();
            mapped.values().forEach(m -> bySiyu.put((m.group() ? "g" : "t") + m.siyuId(), m));
            var self = bySiyu.get((change.group() ? "g" : "t") + change.id());
            var group = bySiyu.get("g" + change.groupId());
            var payload = new LinkedHashMap<String, Object>();
            switch (change.change()) {
                case CREATED -> {
                    if (change.group() || group == null) {
                        continue;
                    }
                    payload.put("op", "create");
                    payload.put("groupId", group.wecomId());
                    payload.put("siyuId", change.id());
                    payload.put("name", change.name());
                }
                case RENAMED -> {
                    if (self == null) {
                        continue;
                    }
                    payload.put("op", "rename");
                    payload.put("id", self.wecomId());
                    payload.put("name", change.name());
                    jdbc.sql("update wecom_tag_map set name = ? where app_id = ? and wecom_id = ?")
                            .params(change.name(), app.id(), self.wecomId())
                            .update();
                }
                case DELETED -> {
                    if (self == null) {
                        continue;
                    }
                    payload.put("op", "delete");
                    payload.put("id", self.wecomId());
                    payload.put("group", change.group());
                    unmap(app.id(), self.wecomId());
                }
            }
            outbox.enqueue(app.id(), WeComOutbox.Kind.TAG, UUID.randomUUID().toString(), payload, null);
        }
    }

    /** A live code's channel tags, put on in Siyu, are put on in WeCom too, for the staff member to see. */
    void markChannelTags(WeComApp app, String externalUserId, String userId, List<Integer> siyuTags) {
        var wecomIds = new ArrayList<String>();
        mapped(app.id()).values().stream()
                .filter(m -> !m.group() && siyuTags.contains(m.siyuId()))
                .forEach(m -> wecomIds.add(m.wecomId()));
        if (!wecomIds.isEmpty()) {
            outbox.enqueue(
                    app.id(),
                    WeComOutbox.Kind.MARK,
                    "channel:" + externalUserId + ":" + userId + ":" + String.join(",", wecomIds),
                    Map.of("userid", userId, "external_userid", externalUserId, "add_tag", wecomIds),
                    null);
        }
    }

    /** Siyu's tag groups that mirror a corporate tag group of the app. */
    List<Integer> mirroredGroups(long appId) {
        return mapped(appId).values().stream()
                .filter(Mapped::group)
                .map(Mapped::siyuId)
                .toList();
    }

    /** Makes one of Siyu's tag groups, with its tags, a corporate tag group in WeCom. */
    void publish(WeComApp app, int groupId) {
        outbox.enqueue(
                app.id(),
                WeComOutbox.Kind.TAG,
                "publish:" + groupId + ":" + UUID.randomUUID(),
                Map.of("op", "publish", "siyuId", groupId),
                null);
    }

    /**
     * Customers gained or lost mirrored tags in Siyu: the staff members they are contacts of tag them in WeCom.
     * The marks are put in the outbox in the tagging transaction, so a crash loses neither the tags nor them.
     */
    @Override
    public void tagsChanging(TenantId tenant, Map<Integer, long[]> added, Map<Integer, long[]> removed) {
        if (FromWeCom.applying()) {
            return;
        }
        for (var app : apps.all()) {
            var byTag = new HashMap<Integer, String>();
            mapped(app.id()).values().stream().filter(m -> !m.group()).forEach(m -> byTag.put(m.siyuId(), m.wecomId()));
            if (byTag.isEmpty()) {
                continue;
            }
            var marks = new LinkedHashMap<String, Map<String, List<String>>>();
            collect(app, added, byTag, "add_tag", marks);
            collect(app, removed, byTag, "remove_tag", marks);
            marks.forEach((relation, change) -> {
                var parts = relation.split("\n");
                var payload = new LinkedHashMap<String, Object>();
                payload.put("userid", parts[1]);
                payload.put("external_userid", parts[0]);
                payload.putAll(change);
                outbox.enqueue(
                        app.id(), WeComOutbox.Kind.MARK, UUID.randomUUID().toString(), payload, null);
            });
        }
    }

    private void collect(
            WeComApp app,
            Map<Integer, long[]> changes,
            Map<Integer, String> byTag,
            String field,
            Map<String, Map<String, List<String>>> marks) {
        changes.forEach((tag, customers) -> {
            var wecomId = byTag.get(tag);
            if (wecomId == null) {
                return;
            }
            jdbc.sql("select external_user_id, user_id from wecom_contact where app_id = ? and lost_at is null"
                            + " and customer_id = any(?::bigint[])")
                    .params(app.id(), java.util.Arrays.stream(customers).boxed().toArray(Long[]::new))
                    .query((rs, n) -> rs.getString(1) + "\n" + rs.getString(2))
                    .list()
                    .forEach(relation -> marks.computeIfAbsent(relation, r -> new LinkedHashMap<>())
                            .computeIfAbsent(field, f -> new ArrayList<>())
                            .add(wecomId));
        });
    }

    @Override
    public WeComOutbox.Kind kind() {
        return WeComOutbox.Kind.TAG;
    }

    @Override
    public void deliver(WeComApp app, JsonNode payload) {
        switch (payload.path("op").asString()) {
            case "create" -> {
                var answer = client.post(
                        app,
                        "externalcontact/add_corp_tag",
                        Map.of(
                                "group_id",
                                payload.path("groupId").asString(),
                                "tag",
                                List.of(Map.of("name", payload.path("name").asString()))));
                mapAnswer(
                        app,
                        answer,
                        Map.of(
                                payload.path("name").asString(),
                                payload.path("siyuId").asInt()),
                        null);
            }
            case "rename" ->
                client.post(
                        app,
                        "externalcontact/edit_corp_tag",
                        Map.of(
                                "id",
                                payload.path("id").asString(),
                                "name",
                                payload.path("name").asString()));
            case "delete" ->
                client.post(
                        app,
                        "externalcontact/del_corp_tag",
                        Map.of(
                                payload.path("group").asBoolean() ? "group_id" : "tag_id",
                                List.of(payload.path("id").asString())));
            case "publish" -> {
                var group = tags.groups().stream()
                        .filter(g -> g.id() == payload.path("siyuId").asInt())
                        .findFirst();
                if (group.isEmpty() || group.get().tags().isEmpty()) {
                    return; // WeCom keeps no empty groups
                }
                var names = new LinkedHashMap<String, Integer>();
                group.get().tags().stream().filter(t -> !t.personal()).forEach(t -> names.put(t.name(), t.id()));
                var answer = client.post(
                        app,
                        "externalcontact/add_corp_tag",
                        Map.of(
                                "group_name",
                                group.get().name(),
                                "tag",
                                names.keySet().stream()
                                        .map(n -> Map.of("name", n))
                                        .toList()));
                mapAnswer(app, answer, names, group.get());
            }
            default -> throw new IllegalArgumentException("unknown tag operation " + payload.path("op"));
        }
    }

    private void mapAnswer(WeComApp app, JsonNode answer, Map<String, Integer> siyuByName, @Nullable TagGroup group) {
        var wecomGroup = answer.path("tag_group");
        if (group != null) {
            map(app.id(), wecomGroup.path("group_id").asString(), true, group.id(), group.name());
        }
        for (var tag : wecomGroup.path("tag")) {
            var siyu = siyuByName.get(tag.path("name").asString());
            if (siyu != null) {
                map(
                        app.id(),
                        tag.path("id").asString(),
                        false,
                        siyu,
                        tag.path("name").asString());
            }
        }
    }

    /** mark_tag (doc 92118): no callback follows, WeCom says, since the change came through the API. */
    @org.springframework.stereotype.Component
    static class Mark implements OutboxSender.Delivery {

        private final WeComClient client;

        Mark(WeComClient client) {
            this.client = client;
        }

        @Override
        public WeComOutbox.Kind kind() {
            return WeComOutbox.Kind.MARK;
        }

        @Override
        public void deliver(WeComApp app, JsonNode payload) {
            client.post(app, "externalcontact/mark_tag", payload);
        }
    }

    // ---- the map

    private Map<String, Mapped> mapped(long appId) {
        var mapped = new LinkedHashMap<String, Mapped>();
        jdbc.sql("select wecom_id, is_group, siyu_id, name from wecom_tag_map where app_id = ?")
                .param(appId)
                .query((rs, n) -> new Mapped(rs.getString(1), rs.getBoolean(2), rs.getInt(3), rs.getString(4)))
                .list()
                .forEach(m -> mapped.put(m.wecomId(), m));
        return mapped;
    }

    private void map(long appId, String wecomId, boolean group, int siyuId, String name) {
        jdbc.sql("delete from wecom_tag_map where app_id = ? and is_group = ? and siyu_id = ? and wecom_id <> ?")
                .params(appId, group, siyuId, wecomId)
                .update();
        jdbc.sql("""
                        insert into wecom_tag_map (app_id, wecom_id, is_group, siyu_id, name) values (?, ?, ?, ?, ?)
                        on conflict (tenant_id, app_id, wecom_id) do update set siyu_id = excluded.siyu_id,
                            is_group = excluded.is_group, name = excluded.name""").params(appId, wecomId, group, siyuId, name).update();
    }

    private void unmap(long appId, String wecomId) {
        jdbc.sql("delete from wecom_tag_map where app_id = ? and wecom_id = ?")
                .params(appId, wecomId)
                .update();
    }

    private static String clip(String name) {
        var stripped = name.strip();
        return stripped.codePointCount(0, stripped.length()) > TagManagement.MAX_NAME
                ? stripped.substring(0, stripped.offsetByCodePoints(0, TagManagement.MAX_NAME))
                : stripped;
    }
}
