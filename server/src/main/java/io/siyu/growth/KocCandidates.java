package io.siyu.growth;

import io.siyu.loyalty.MemberReferrals;
import io.siyu.shared.DomainException;
import io.siyu.tagging.Tag;
import io.siyu.tagging.TagKind;
import io.siyu.tagging.TagManagement;
import io.siyu.tagging.TagSource;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * KOC candidates: customers whose counted invites across all campaigns plus member referrals, ever, reach the
 * tenant's threshold. They carry the organisation tag 「增长裂变 / KOC 候选」, which layer and segment rules can
 * use; a marking adds it to new candidates, takes it off those who fell below the threshold (only where growth put
 * it), and changes nothing when run again.
 */
@Service
public class KocCandidates {

    static final String GROUP = "增长裂变";
    static final String TAG = "KOC 候选";
    static final int MAX_THRESHOLD = 10_000;

    /** @param tagId the tag that marks them, null before the first marking */
    public record Settings(int threshold, @Nullable Integer tagId, long candidates) {}

    /** What one marking did. */
    public record Marking(int added, int removed, int candidates) {}

    private final JdbcClient jdbc;
    private final TagManagement tags;
    private final MemberReferrals members;

    KocCandidates(JdbcClient jdbc, TagManagement tags, MemberReferrals members) {
        this.jdbc = jdbc;
        this.tags = tags;
        this.members = members;
    }

    @Transactional(readOnly = true)
    public Settings settings() {
        return jdbc.sql("select koc_threshold, koc_tag_id, (select count(*) from referral_koc) from referral_setting")
                .query((rs, n) -> new Settings(rs.getInt(1), rs.getObject(2, Integer.class), rs.getLong(3)))
                .optional()
                .orElseGet(() -> new Settings(10, null, 0));
    }

    /** A new threshold (1 to 10,000), applied at once. */
    @Transactional
    public Settings threshold(@Nullable Integer threshold) {
        if (threshold == null || threshold < 1 || threshold > MAX_THRESHOLD) {
            throw DomainException.invalid("threshold", "growth.referrals.threshold", MAX_THRESHOLD);
        }
        jdbc.sql("""
                        insert into referral_setting (koc_threshold) values (?)
                        on conflict (tenant_id) do update set koc_threshold = excluded.koc_threshold, updated_at = now()""").param(threshold).update();
        mark();
        return settings();
    }

    /** Brings the marks up to date with everyone's invites; one marking per tenant at a time. */
    @Transactional
    public Marking mark() {
        jdbc.sql("insert into referral_setting default values on conflict do nothing")
                .update();
        var setting = jdbc.sql("select koc_threshold, koc_tag_id from referral_setting for update")
                .query((rs, n) -> new Object[] {rs.getInt(1), rs.getObject(2, Integer.class)})
                .single();
        int threshold = (Integer) setting[0];
        var invites = invites();
        var candidates = new HashMap<Long, Long>();
        invites.forEach((customer, n) -> {
            if (n >= threshold) {
                candidates.put(customer, n);
            }
        });
        var marked = new HashSet<>(jdbc.sql("select customer_id from referral_koc")
                .query(Long.class)
                .list());
        var tag = (Integer) setting[1];
        if (tag == null || !exists(tag)) {
            tag = tag();
            jdbc.sql("update referral_setting set koc_tag_id = ?").param(tag).update();
            marked.clear(); // a new tag: everyone needs it
        }
        var added =
                candidates.keySet().stream().filter(c -> !marked.contains(c)).toList();
        var removed = marked.stream().filter(c -> !candidates.containsKey(c)).toList();
        if (!added.isEmpty()) {
            tags.applyFromConnector(added, List.of(tag), List.of(), TagSource.GROWTH);
        }
        if (!removed.isEmpty()) {
            tags.applyFromConnector(removed, List.of(), List.of(tag), TagSource.GROWTH);
        }
        keep(candidates, removed);
        return new Marking(added.size(), removed.size(), candidates.size());
    }

    /** Counted campaign invites and member referrals, ever, per inviter: two grouped reads. */
    private Map<Long, Long> invites() {
        var invites = new HashMap<>(members.counts());
        jdbc.sql("""
                        select p.customer_id, count(*) from campaign_invite i
                        join campaign_participant p on p.id = i.participant_id
                        where i.status = 'counted' group by 1""").query(rs -> {
            invites.merge(rs.getLong(1), rs.getLong(2), Long::sum);
        });
        return invites;
    }

    private void keep(Map<Long, Long> candidates, List<Long> removed) {
        if (!removed.isEmpty()) {
            jdbc.sql("delete from referral_koc where customer_id = any(?::bigint[])")
                    .param(removed.toArray(Long[]::new))
                    .update();
        }
        if (!candidates.isEmpty()) {
            jdbc.sql("""
                            insert into referral_koc (customer_id, invites)
                            select * from unnest(?::bigint[], ?::int[])
                            on conflict (tenant_id, customer_id) do update set invites = excluded.invites
                            where referral_koc.invites <> excluded.invites""")
                    .params(
                            candidates.keySet().toArray(Long[]::new),
                            candidates.values().stream().map(Long::intValue).toArray(Integer[]::new))
                    .update();
        }
    }

    private boolean exists(int tag) {
        try {
            return tags.tag(tag).ownerId() == null;
        } catch (DomainException e) {
            return false;
        }
    }

    /** The organisation tag 「增长裂变 / KOC 候选」, made when missing. */
    private int tag() {
        var group = tags.groups().stream()
                .filter(g -> g.name().equals(GROUP))
                .findFirst()
                .orElseGet(() -> tags.createGroup(GROUP, TagKind.ATTRIBUTE));
        return group.tags().stream()
                .filter(t -> t.name().equals(TAG) && t.ownerId() == null && t.segmentId() == null)
                .map(Tag::id)
                .findFirst()
                .orElseGet(() -> tags.createTag(group.id(), TAG, false).id());
    }
}
