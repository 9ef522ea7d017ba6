package io.siyu.growth;

import io.siyu.shared.DomainException;
import io.siyu.shared.FieldProblem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Device and IP repeats: where a participant's progress page was opened (a device: the page's own id kept in the
 * browser plus the user agent; an address), and a campaign's limits of participants per device and per address.
 * The first participants seen on a device or address are within the limit; each one after is flagged, once, with
 * the first repeat found, and from then on their invites go to the review queue with that reason (held ones at
 * once) instead of counting by themselves. Invites already counted stay counted.
 *
 * <p>Many phones share an address behind a carrier's NAT: an address limit is a reason to look, never to refuse.
 */
@Service
public class CampaignRepeats {

    static final int MAX_PER_DEVICE = 100;
    static final int MAX_PER_IP = 1000;

    /**
     * A campaign's limits.
     *
     * @param maxParticipantsPerDevice participants one device may open progress pages for (0: no limit)
     * @param maxParticipantsPerIp participants one client address may open progress pages for (0: no limit)
     */
    public record Rule(int maxParticipantsPerDevice, int maxParticipantsPerIp) {}

    /** What a client writes: both limits, 0 for none. */
    public record RuleInput(
            @Nullable Integer maxParticipantsPerDevice,
            @Nullable Integer maxParticipantsPerIp) {}

    private final JdbcClient jdbc;
    private final Campaigns campaigns;

    CampaignRepeats(JdbcClient jdbc, Campaigns campaigns) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
    }

    @Transactional(readOnly = true)
    public Rule rule(long campaignId) {
        campaigns.get(campaignId);
        return jdbc.sql("select max_participants_per_device, max_participants_per_ip from campaign where id = ?")
                .param(campaignId)
                .query((rs, n) -> new Rule(rs.getInt(1), rs.getInt(2)))
                .single();
    }

    /** New limits; participants already seen beyond them are flagged at once. */
    @Transactional
    public Rule change(long campaignId, RuleInput input) {
        var problems = new ArrayList<FieldProblem>();
        int device = limit(input.maxParticipantsPerDevice(), MAX_PER_DEVICE, "maxParticipantsPerDevice", problems);
        int ip = limit(input.maxParticipantsPerIp(), MAX_PER_IP, "maxParticipantsPerIp", problems);
        if (!problems.isEmpty()) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "problem.invalid-request", problems);
        }
        campaigns.get(campaignId);
        jdbc.sql("update campaign set max_participants_per_device = ?, max_participants_per_ip = ?, updated_at = now()"
                        + " where id = ?")
                .params(device, ip, campaignId)
                .update();
        flagBeyond(campaignId, "device", null, device);
        flagBeyond(campaignId, "ip", null, ip);
        return new Rule(device, ip);
    }

    private static int limit(@Nullable Integer value, int max, String field, ArrayList<FieldProblem> problems) {
        int v = value == null ? 0 : value;
        if (v < 0 || v > max) {
            problems.add(new FieldProblem(field, "growth.repeats.limit", max));
        }
        return v;
    }

    /**
     * In the caller's transaction: the participant's page was opened on {@code device} (already a hash) from
     * {@code ip}; either may be null when unknown.
     */
    void seen(long campaign, long participant, @Nullable String device, @Nullable String ip) {
        var rule = jdbc.sql("select max_participants_per_device, max_participants_per_ip from campaign where id = ?")
                .param(campaign)
                .query((rs, n) -> new Rule(rs.getInt(1), rs.getInt(2)))
                .single();
        if (device != null) {
            seen(campaign, participant, "device", device, rule.maxParticipantsPerDevice());
        }
        if (ip != null) {
            seen(campaign, participant, "ip", ip, rule.maxParticipantsPerIp());
        }
    }

    private void seen(long campaign, long participant, String kind, String value, int limit) {
        // one page at a time per device or address: who came first is then decided by the clock, not by a race
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('campaign_sighting:' || siyu_current_tenant() || ':'"
                        + " || ? || ':' || ? || ':' || ?, 0))")
                .params(campaign, kind, value)
                .query(rs -> {});
        jdbc.sql("""
                        insert into campaign_sighting (campaign_id, kind, value, participant_id, first_at, last_at)
                        values (?, ?, ?, ?, clock_timestamp(), clock_timestamp())
                        on conflict (tenant_id, campaign_id, kind, value, participant_id)
                        do update set last_at = clock_timestamp(), seen = campaign_sighting.seen + 1""").params(campaign, kind, value, participant).update();
        flagBeyond(campaign, kind, value, limit);
    }

    /** Flags the participants past the {@code limit}-th on each device or address (one value when given). */
    private void flagBeyond(long campaign, String kind, @Nullable String value, int limit) {
        if (limit == 0) {
            return;
        }
        var beyond = jdbc.sql("""
                        select distinct participant_id from (
                            select participant_id, row_number() over (partition by value order by first_at, participant_id) n
                            from campaign_sighting where campaign_id = ? and kind = ? and (?::text is null or value = ?)) r
                        where n > ?""")
                .params(campaign, kind, value, value, limit)
                .query(Long.class)
                .list();
        for (long participant : beyond) {
            int flagged = jdbc.sql("update campaign_participant set flagged = ? where id = ? and flagged is null")
                    .params(kind, participant)
                    .update();
            if (flagged == 1) {
                jdbc.sql("""
                                update campaign_invite set status = 'review', reason = ?
                                where participant_id = ? and status = 'held'""").params(kind, participant).update();
            }
        }
    }

    /** The device a page names: its own id and the browser's user agent, hashed (nothing readable is kept). */
    static String device(String pageDeviceId, @Nullable String userAgent) {
        var ua = userAgent == null ? "" : userAgent.substring(0, Math.min(userAgent.length(), 512));
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest((pageDeviceId + "\n" + ua).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
