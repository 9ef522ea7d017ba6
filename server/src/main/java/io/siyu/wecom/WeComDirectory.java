package io.siyu.wecom;

import io.siyu.shared.DomainException;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The corp's staff as the last sync found them, with how many customers each has now. */
@Service
public class WeComDirectory {

    public record Staff(
            String userId, String name, List<Integer> departments, boolean contactEnabled, int status, int customers) {}

    private final JdbcClient jdbc;
    private final WeComApps apps;
    private final CorpTags corpTags;
    private final io.siyu.tagging.TagManagement tags;

    WeComDirectory(JdbcClient jdbc, WeComApps apps, CorpTags corpTags, io.siyu.tagging.TagManagement tags) {
        this.jdbc = jdbc;
        this.apps = apps;
        this.corpTags = corpTags;
        this.tags = tags;
    }

    /** A customer a staff member has now: for picking whom to hand over. */
    public record StaffCustomer(
            String externalUserId,
            long customerId,
            String name,
            java.time.Instant addedAt,
            @org.jspecify.annotations.Nullable String channelCode) {}

    /** The staff member's current customers, newest first. */
    @Transactional(readOnly = true)
    public List<StaffCustomer> customersOf(long appId, String userId) {
        app(appId);
        return jdbc.sql("""
                        select c.external_user_id, c.customer_id, coalesce(c.name, ''), c.added_at, k.name
                        from wecom_contact c left join wecom_channel_code k on k.id = c.channel_code_id
                        where c.app_id = ? and c.user_id = ? and c.lost_at is null order by c.added_at desc""")
                .params(appId, userId)
                .query((rs, n) -> new StaffCustomer(
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getString(5)))
                .list();
    }

    /** WeCom's corp tag ids of these Siyu tags, for those the app has in WeCom. */
    @Transactional(readOnly = true)
    public java.util.Map<Integer, String> corpTagIds(long appId, java.util.Collection<Integer> tagIds) {
        var ids = new java.util.LinkedHashMap<Integer, String>();
        if (!tagIds.isEmpty()) {
            jdbc.sql("select siyu_id, wecom_id from wecom_tag_map where app_id = ? and not is_group"
                            + " and siyu_id = any(?::int[])")
                    .params(appId, tagIds.toArray(Integer[]::new))
                    .query((rs, n) -> ids.put(rs.getInt(1), rs.getString(2)))
                    .list();
        }
        return ids;
    }

    /** Siyu's tag groups that mirror one of the app's corporate tag groups in WeCom. */
    @Transactional(readOnly = true)
    public List<Integer> mirroredTagGroups(long appId) {
        app(appId);
        return corpTags.mirroredGroups(appId);
    }

    /** Makes a Siyu tag group (and its tags) a corporate tag group in WeCom, through the outbox. */
    @Transactional
    public void publishTagGroup(long appId, int groupId) {
        var app = app(appId);
        tags.group(groupId);
        if (corpTags.mirroredGroups(appId).contains(groupId)) {
            throw new DomainException(org.springframework.http.HttpStatus.CONFLICT, "wecom.tags.mirrored");
        }
        corpTags.publish(app, groupId);
    }

    private WeComApp app(long appId) {
        return apps.find(appId).orElseThrow(() -> DomainException.notFound("wecom-app", appId));
    }

    @Transactional(readOnly = true)
    public List<Staff> staff(long appId) {
        app(appId);
        return jdbc.sql("""
                        select s.user_id, s.name, s.departments, s.contact_enabled, s.status,
                               (select count(*) from wecom_contact c where c.app_id = s.app_id and c.user_id = s.user_id
                                and c.lost_at is null)
                        from wecom_staff s where s.app_id = ? and not s.removed order by s.name""")
                .param(appId)
                .query((rs, n) -> new Staff(
                        rs.getString(1),
                        rs.getString(2),
                        Arrays.asList((Integer[]) rs.getArray(3).getArray()),
                        rs.getBoolean(4),
                        rs.getInt(5),
                        rs.getInt(6)))
                .list();
    }
}
