package io.siyu.wecom;

import io.siyu.customer.CustomerProfiles;
import io.siyu.customer.CustomerResolution;
import io.siyu.customer.Gender;
import io.siyu.customer.IdentityClaim;
import io.siyu.customer.IdentityKey;
import io.siyu.customer.IdentityType;
import io.siyu.customer.ProfileInput;
import io.siyu.event.EventRecorder;
import io.siyu.event.EventType;
import io.siyu.tagging.TagManagement;
import io.siyu.tagging.TagSource;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The relations between customers and staff that WeCom reports, whether by callback or found by a
 * reconcile: the customer is found by the WeCom id or unionid (or made from WeCom's details), the relation
 * recorded with the live code that brought it, the add recorded as an event (its id derived from the
 * relation and WeCom's add time, so reporting it twice records it once) and the code's tags put on.
 */
@Component
class WeComContacts {

    /** What an add did: the customer, the live code that brought it (if any), and the customer's name. */
    record Added(long customer, @Nullable ChannelCode code, String name, Instant at) {}

    private final JdbcClient jdbc;
    private final CustomerResolution resolution;
    private final CustomerProfiles profiles;
    private final EventRecorder events;
    private final TagManagement tags;
    private final ChannelCodes codes;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    WeComContacts(
            JdbcClient jdbc,
            CustomerResolution resolution,
            CustomerProfiles profiles,
            EventRecorder events,
            TagManagement tags,
            ChannelCodes codes,
            Clock clock) {
        this.jdbc = jdbc;
        this.resolution = resolution;
        this.profiles = profiles;
        this.events = events;
        this.tags = tags;
        this.codes = codes;
        this.clock = clock;
    }

    /**
     * Records that {@code person} (WeCom's external_contact) and staff member {@code userId} are contacts.
     *
     * @param follow WeCom's follow_user entry for the staff member, when known
     * @param state the live code's state, from the callback or the follow entry
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Added added(
            WeComApp app,
            JsonNode person,
            String userId,
            @Nullable JsonNode follow,
            @Nullable String state,
            Instant fallbackTime) {
        var externalUserId = person.path("external_userid").asString();
        var name = person.path("name").asString("");
        var code = codes.byState(app.id(), state);
        long customer = customer(
                app,
                externalUserId,
                name,
                person.path("gender").asInt(0),
                person.path("unionid").asString(""),
                code.map(ChannelCode::name).orElse(null));
        var at = follow == null
                ? fallbackTime
                : Instant.ofEpochSecond(follow.path("createtime").asLong(fallbackTime.getEpochSecond()));
        int addWay = follow == null ? 0 : follow.path("add_way").asInt(0);
        jdbc.sql("""
                        insert into wecom_contact (app_id, external_user_id, user_id, customer_id, name, state,
                                channel_code_id, add_way, remark, wecom_tag_ids, added_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (tenant_id, app_id, external_user_id, user_id) do update set
                            customer_id = excluded.customer_id, name = excluded.name, state = excluded.state,
                            channel_code_id = excluded.channel_code_id, add_way = excluded.add_way,
                            remark = excluded.remark, wecom_tag_ids = excluded.wecom_tag_ids,
                            added_at = excluded.added_at, lost_at = null, lost_by = null, updated_at = now()""")
                .params(
                        app.id(),
                        externalUserId,
                        userId,
                        customer,
                        name,
                        state,
                        code.map(ChannelCode::id).orElse(null),
                        addWay,
                        follow == null ? null : follow.path("remark").asString(null),
                        wecomTags(follow),
                        Timestamp.from(at))
                .update();
        var properties = new LinkedHashMap<String, Object>();
        properties.put("staffId", userId);
        if (state != null && !state.isBlank()) {
            properties.put("state", state);
        }
        code.ifPresent(c -> properties.put("channelCodeId", c.id()));
        // a 千人千面码 remembers who shared it, so referral rewards can follow the add
        code.map(ChannelCode::sharerCustomerId).ifPresent(sharer -> properties.put("sharerCustomerId", sharer));
        properties.put("addWay", addWay);
        events.record(
                customer,
                EventType.WECOM_ADD,
                at,
                "wecom-add:" + app.id() + ":" + externalUserId + ":" + userId + ":" + at.getEpochSecond(),
                json.writeValueAsString(properties));
        code.filter(c -> !c.tagIds().isEmpty())
                .ifPresent(c -> tags.applyFromConnector(List.of(customer), c.tagIds(), List.of(), TagSource.WECOM));
        return new Added(customer, code.orElse(null), name, at);
    }

    String staffName(WeComApp app, String userId) {
        return jdbc.sql("select name from wecom_staff where app_id = ? and user_id = ?")
                .params(app.id(), userId)
                .query(String.class)
                .optional()
                .orElse(userId);
    }

    /**
     * The customer an external contact is: found by the WeCom id or the unionid, or made from what WeCom
     * shows of them ({@code gender} 0 unknown, 1 male, 2 female; null when not shown).
     */
    long customer(
            WeComApp app,
            String externalUserId,
            String name,
            @Nullable Integer gender,
            String unionid,
            @Nullable String source) {
        var claims = new ArrayList<IdentityClaim>();
        claims.add(new IdentityClaim(new IdentityKey(IdentityType.WECOM, app.corpId() + ":" + externalUserId), true));
        if (!unionid.isBlank()) {
            claims.add(new IdentityClaim(new IdentityKey(IdentityType.UNIONID, unionid), true));
        }
        var resolved = resolution.resolveTogether(claims, "wecom", clock.instant(), false);
        if (resolved.created()) {
            var fields = new HashMap<String, @Nullable Object>();
            if (!name.isBlank()) {
                fields.put("display_name", name.length() > 64 ? name.substring(0, 64) : name);
            }
            if (gender != null) {
                fields.put(
                        "gender", (gender == 1 ? Gender.MALE : gender == 2 ? Gender.FEMALE : Gender.UNKNOWN).ordinal());
            }
            fields.put("source_channel", source == null ? "企业微信" : source);
            profiles.update(resolved.customerId(), new ProfileInput(List.of(), fields, Map.of(), Map.of()), "wecom");
        }
        return resolved.customerId();
    }

    /** The follow_user entry of {@code userId} in externalcontact/get's answer. */
    static @Nullable JsonNode follow(JsonNode detail, String userId) {
        for (var follow : detail.path("follow_user")) {
            if (userId.equals(follow.path("userid").asString())) {
                return follow;
            }
        }
        return null;
    }

    /** The corporate tag ids of a follow entry (tags with type 1; personal tags are the staff member's own). */
    static String[] wecomTags(@Nullable JsonNode follow) {
        var ids = new ArrayList<String>();
        if (follow != null) {
            follow.path("tags").forEach(tag -> {
                if (tag.path("type").asInt(1) == 1) {
                    ids.add(tag.path("tag_id").asString());
                }
            });
            follow.path("tag_id").forEach(id -> ids.add(id.asString()));
        }
        return ids.toArray(String[]::new);
    }
}
