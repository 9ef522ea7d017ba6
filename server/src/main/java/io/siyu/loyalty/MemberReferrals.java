package io.siyu.loyalty;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who referred whom into membership (with an invite code), for other modules' referral views. */
@Service
public class MemberReferrals {

    /** A member who joined with {@code referrer}'s code at {@code joinedAt}. */
    public record Referral(long referrer, long member, Instant joinedAt) {}

    private final JdbcClient jdbc;

    MemberReferrals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The referrals of members who joined from {@code from} (inclusive) to {@code to} (exclusive). */
    @Transactional(readOnly = true)
    public List<Referral> between(Instant from, Instant to) {
        return jdbc.sql("""
                        select referred_by, customer_id, joined_at from member
                        where referred_by is not null and joined_at >= ? and joined_at < ?""")
                .params(Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> new Referral(
                        rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant()))
                .list();
    }

    /** How many members each referrer brought in, ever; referrers without any are left out. */
    @Transactional(readOnly = true)
    public Map<Long, Long> counts() {
        var counts = new HashMap<Long, Long>();
        jdbc.sql("select referred_by, count(*) from member where referred_by is not null group by 1")
                .query(rs -> {
                    counts.put(rs.getLong(1), rs.getLong(2));
                });
        return counts;
    }
}
