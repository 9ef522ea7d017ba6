package io.siyu.growth;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo campaign's gifts on their way, as a few weeks of fulfilment leave them: most received, some shipped,
 * some to ship, a few still awaiting the participant's address, one cancelled (its stock given back). Decided by
 * each gift's age and place, so the same seed gives the same list.
 */
final class GiftDemo {

    private static final String[][] ADDRESSES = {
        {"王芳", "13812345678", "上海市", "上海市", "浦东新区", "张杨路 500 号 12 楼"},
        {"李娜", "13987654321", "浙江省", "杭州市", "西湖区", "文三路 90 号 3 幢 201"},
        {"张伟", "15011112222", "广东省", "深圳市", "南山区", "科技园南区 8 栋 1603"},
        {"刘洋", "18622223333", "北京市", "北京市", "朝阳区", "望京街 10 号院 2 号楼 905"},
        {"陈静", "17733334444", "四川省", "成都市", "武侯区", "天府大道北段 1700 号"},
        {"杨磊", "13544445555", "江苏省", "南京市", "鼓楼区", "中山北路 30 号 7 楼"},
    };
    private static final List<String> CARRIERS = List.of("顺丰速运", "中通快递", "京东物流");
    private static final List<String> PREFIXES = List.of("SF", "ZT", "JDVA");

    private final JdbcClient jdbc;

    GiftDemo(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void ship(long campaign, Instant end) {
        record Granted(long participant, int stage, long customer, String gift, Instant at) {}
        var granted = jdbc.sql("""
                        select r.participant_id, r.stage, p.customer_id, s.gift, r.at from campaign_reward r
                        join campaign_participant p on p.id = r.participant_id
                        join campaign_stage s on s.campaign_id = r.campaign_id and s.stage = r.stage
                        where r.campaign_id = ? and r.status = 'granted' and s.reward_kind = 'gift'
                        order by r.at, r.participant_id""")
                .param(campaign)
                .query((rs, n) -> new Granted(
                        rs.getLong(1),
                        rs.getInt(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
        for (int i = 0; i < granted.size(); i++) {
            var g = granted.get(i);
            long hours = Duration.between(g.at(), end).toHours();
            String status = i == 4
                    ? "cancelled"
                    : i % 9 == 7 || hours < 30
                            ? "awaiting_address"
                            : hours < 60 || i % 6 == 1 ? "to_ship" : hours < 120 || i % 5 == 2 ? "shipped" : "received";
            insert(campaign, g.participant(), g.stage(), g.customer(), g.gift(), g.at(), status, i);
            if (status.equals("cancelled")) {
                jdbc.sql("""
                                update campaign_reward set status = 'cancelled'
                                where campaign_id = ? and participant_id = ? and stage = ?""").params(campaign, g.participant(), g.stage()).update();
                jdbc.sql("update campaign_stage set granted = granted - 1 where campaign_id = ? and stage = ?")
                        .params(campaign, g.stage())
                        .update();
            }
        }
    }

    private void insert(
            long campaign, long participant, int stage, long customer, String gift, Instant at, String status, int i) {
        boolean addressed = !status.equals("awaiting_address") && !(status.equals("cancelled") && i % 2 == 0);
        boolean shipped = status.equals("shipped") || status.equals("received");
        var a = ADDRESSES[i % ADDRESSES.length];
        jdbc.sql("""
                        insert into campaign_gift (campaign_id, participant_id, stage, customer_id, gift, status,
                                                   recipient, mobile, province, city, district, detail, carrier,
                                                   tracking_no, granted_at, addressed_at, shipped_at, received_at,
                                                   cancelled_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        campaign,
                        participant,
                        stage,
                        customer,
                        gift,
                        status,
                        addressed ? a[0] : null,
                        addressed ? a[1] : null,
                        addressed ? a[2] : null,
                        addressed ? a[3] : null,
                        addressed ? a[4] : null,
                        addressed ? a[5] : null,
                        shipped ? CARRIERS.get(i % CARRIERS.size()) : null,
                        shipped ? PREFIXES.get(i % PREFIXES.size()) + (1_400_000_000L + i * 7_919L) : null,
                        Timestamp.from(at),
                        addressed ? Timestamp.from(at.plus(Duration.ofHours(3))) : null,
                        shipped ? Timestamp.from(at.plus(Duration.ofHours(40))) : null,
                        status.equals("received") ? Timestamp.from(at.plus(Duration.ofHours(100))) : null,
                        status.equals("cancelled") ? Timestamp.from(at.plus(Duration.ofHours(20))) : null,
                        Timestamp.from(at))
                .update();
    }
}
