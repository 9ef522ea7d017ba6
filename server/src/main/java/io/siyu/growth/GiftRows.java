package io.siyu.growth;

import io.siyu.shared.DomainException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The campaign_gift table: gifts read and written, nothing decided here. */
final class GiftRows {

    private static final String SELECT = """
            select id, campaign_id, participant_id, stage, customer_id, gift, status, recipient, mobile, province, city,
                   district, detail, carrier, tracking_no, granted_at, addressed_at, shipped_at, received_at,
                   cancelled_at
            from campaign_gift""";

    private final JdbcClient jdbc;

    GiftRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<GiftReward> page(long campaign, @Nullable String status, long before, int size) {
        return jdbc.sql(SELECT + " where campaign_id = ? and (?::text is null or status = ?) and id < ?"
                        + " order by id desc limit " + size)
                .params(campaign, status, status, before)
                .query(GiftRows::row)
                .list();
    }

    List<GiftReward> all(long campaign, @Nullable String status) {
        return jdbc.sql(SELECT + " where campaign_id = ? and (?::text is null or status = ?) order by id")
                .params(campaign, status, status)
                .query(GiftRows::row)
                .list();
    }

    /** The gift, locked for a change when {@code lock}. */
    GiftReward find(long campaign, long id, boolean lock) {
        return jdbc.sql(SELECT + " where campaign_id = ? and id = ?" + (lock ? " for update" : ""))
                .params(campaign, id)
                .query(GiftRows::row)
                .optional()
                .orElseThrow(() -> DomainException.notFound("gift-reward", id));
    }

    void address(long id, GiftReward.Address a, Instant at) {
        jdbc.sql("""
                        update campaign_gift set status = 'to_ship', recipient = ?, mobile = ?, province = ?, city = ?,
                               district = ?, detail = ?, addressed_at = ?, updated_at = now()
                        where id = ?""")
                .params(
                        a.recipient(),
                        a.mobile(),
                        a.province(),
                        a.city(),
                        a.district(),
                        a.detail(),
                        Timestamp.from(at),
                        id)
                .update();
    }

    /** Shipped (with its shipment), received or cancelled at {@code at}. */
    void move(long id, String status, Instant at, GiftReward.@Nullable Shipment shipment) {
        var column = switch (status) {
            case GiftReward.SHIPPED -> "shipped_at";
            case GiftReward.RECEIVED -> "received_at";
            default -> "cancelled_at";
        };
        jdbc.sql("update campaign_gift set status = ?, " + column + " = ?, carrier = coalesce(?, carrier),"
                        + " tracking_no = coalesce(?, tracking_no), updated_at = now() where id = ?")
                .params(
                        status,
                        Timestamp.from(at),
                        shipment == null ? null : shipment.carrier(),
                        shipment == null ? null : shipment.trackingNo(),
                        id)
                .update();
    }

    private static GiftReward row(ResultSet rs, int n) throws SQLException {
        var recipient = rs.getString(8);
        return new GiftReward(
                rs.getLong(1),
                rs.getLong(2),
                rs.getLong(3),
                rs.getInt(4),
                rs.getLong(5),
                null,
                rs.getString(6),
                rs.getString(7),
                recipient == null
                        ? null
                        : new GiftReward.Address(
                                recipient,
                                rs.getString(9),
                                rs.getString(10),
                                rs.getString(11),
                                rs.getString(12),
                                rs.getString(13)),
                rs.getString(14),
                rs.getString(15),
                rs.getTimestamp(16).toInstant(),
                instant(rs.getTimestamp(17)),
                instant(rs.getTimestamp(18)),
                instant(rs.getTimestamp(19)),
                instant(rs.getTimestamp(20)));
    }

    private static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
