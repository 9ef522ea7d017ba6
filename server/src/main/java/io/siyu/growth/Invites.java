package io.siyu.growth;

import io.siyu.event.EventObserver;
import io.siyu.event.EventType;
import io.siyu.event.StoredEvent;
import io.siyu.shared.AfterCommit;
import io.siyu.shared.TenantId;
import io.siyu.wecom.GroupMemberJoined;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hears a friend adding a staff member through a participant's own live code (任务宝), or joining a customer group
 * through a participant's own group live code (社群裂变), in the transaction that records the add or join, and
 * writes the invite with it: rejected at once when it cannot count (the campaign is not running,
 * the participant invited themselves, the friend is one of those who brought the participant in, the friend
 * was a customer before), sent to review when one participant gets too many within a minute or shares a device or
 * address with more participants than the campaign allows ({@link CampaignRepeats}), else held for the
 * campaign's window. A friend counts once per campaign, however often they add.
 */
@Component
class Invites implements EventObserver {

    /** A profile made this close to the add was made by it. */
    static final Duration KNOWN = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final GrowthWork work;
    /** Lazily: the messages reach messaging and wecom, which record events that reach these invites. */
    private final ObjectProvider<ProgressMessages> messages;

    private final JsonMapper json = JsonMapper.builder().build();

    Invites(JdbcClient jdbc, GrowthWork work, ObjectProvider<ProgressMessages> messages) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.work = work;
    }

    private record Sharer(
            long participant,
            long campaign,
            long customer,
            String status,
            Timestamp startsAt,
            Timestamp endsAt,
            int holdHours,
            boolean newOnly,
            int burst,
            @Nullable String flagged) {}

    @Override
    public void eventsStoring(TenantId tenant, List<StoredEvent> events) {
        int add = EventType.WECOM_ADD.code();
        for (var event : events) {
            if (event.type() != add || event.properties() == null) {
                continue;
            }
            var code = json.readTree(event.properties()).path("channelCodeId");
            if (code.canConvertToLong()) {
                sharer(code.asLong(), "channel").ifPresent(s -> invite(s, event.customerId(), event.occurredAt()));
            }
        }
    }

    /** A customer joined a group: an invite when they came through a participant's own group live code. */
    @EventListener
    void groupJoined(GroupMemberJoined joined) {
        if (joined.groupCodeId() != null) {
            sharer(joined.groupCodeId(), "group").ifPresent(s -> invite(s, joined.customerId(), joined.at()));
        }
    }

    private java.util.Optional<Sharer> sharer(long codeId, String codeKind) {
        return jdbc.sql("""
                        select p.id, p.campaign_id, p.customer_id, c.status, c.starts_at, c.ends_at, c.hold_hours,
                               c.new_only, c.burst_per_minute, p.flagged
                        from campaign_participant p join campaign c on c.id = p.campaign_id
                        where p.code_id = ? and p.code_kind = ?""")
                .params(codeId, codeKind)
                .query((rs, n) -> new Sharer(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getTimestamp(5),
                        rs.getTimestamp(6),
                        rs.getInt(7),
                        rs.getBoolean(8),
                        rs.getInt(9),
                        rs.getString(10)))
                .optional();
    }

    private void invite(Sharer s, long friend, java.time.Instant at) {
        String status = "held";
        String reason = null;
        if (!s.status().equals("active")
                || at.isBefore(s.startsAt().toInstant())
                || !at.isBefore(s.endsAt().toInstant())) {
            status = "rejected";
            reason = "inactive";
        } else if (friend == s.customer()) {
            status = "rejected";
            reason = "self";
        } else if (upstream(s.participant(), friend)) {
            status = "rejected";
            reason = "loop";
        } else if (s.newOnly() && knownBefore(friend, at)) {
            status = "rejected";
            reason = "existing";
        } else if (s.flagged() != null) {
            status = "review";
            reason = s.flagged();
        } else if (s.burst() > 0 && recent(s.participant(), at) >= s.burst()) {
            status = "review";
            reason = "burst";
        }
        int made = jdbc.sql("""
                        insert into campaign_invite (campaign_id, invitee_id, participant_id, at, status, reason,
                                                     settles_at, settled_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(
                        s.campaign(),
                        friend,
                        s.participant(),
                        Timestamp.from(at),
                        status,
                        reason,
                        Timestamp.from(at.plus(Duration.ofHours(s.holdHours()))),
                        status.equals("rejected") ? Timestamp.from(at) : null)
                .update();
        if (made == 1 && status.equals("held") && s.holdHours() > 0) {
            messages.getObject().noted(s.campaign(), s.participant(), "progress", null, true);
        }
        if (made == 1 && status.equals("held") && s.holdHours() == 0) {
            AfterCommit.collect(work, () -> work, w -> {}, GrowthWork::wake);
        }
    }

    /** Whether the friend is the participant or one of those whose codes brought the participant in. */
    private boolean upstream(long participant, long friend) {
        return jdbc.sql("""
                        with recursive chain (id, customer_id, invited_by, depth) as (
                            select id, customer_id, invited_by, 0 from campaign_participant where id = ?
                            union all
                            select p.id, p.customer_id, p.invited_by, c.depth + 1
                            from campaign_participant p join chain c on p.id = c.invited_by where c.depth < 100)
                        select exists (select 1 from chain where customer_id = ?)""").params(participant, friend).query(Boolean.class).single();
    }

    /**
     * Whether the friend was a customer before this add: their profile is older than it (a re-add replaces the
     * contact's time, so the contact cannot tell), or they have another contact from before.
     */
    private boolean knownBefore(long friend, java.time.Instant at) {
        var before = Timestamp.from(at.minus(KNOWN));
        return jdbc.sql("""
                        select exists (select 1 from customer where id = ? and created_at < ?)
                            or exists (select 1 from wecom_contact where customer_id = ? and added_at < ?)""")
                .params(friend, before, friend, before)
                .query(Boolean.class)
                .single();
    }

    private long recent(long participant, java.time.Instant at) {
        return jdbc.sql("select count(*) from campaign_invite where participant_id = ? and at > ?")
                .params(participant, Timestamp.from(at.minus(Duration.ofMinutes(1))))
                .query(Long.class)
                .single();
    }
}
