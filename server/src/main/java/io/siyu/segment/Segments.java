package io.siyu.segment;

import io.siyu.shared.Bitmaps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The saved segments of the bound tenant, their member snapshots, changes and daily sizes. */
@Component
class Segments {

    /** One day of a segment's size history. */
    record Size(LocalDate day, long size, long entered, long exited) {}

    private static final String COLUMNS = "id, name, description, rule::text, tag_id, size, uses_sql, created_at,"
            + " updated_at, evaluated_at, created_by_id, created_by_name";

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    Segments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<SavedSegment> all() {
        return jdbc.sql("select " + COLUMNS + " from segment order by id")
                .query(this::segment)
                .list();
    }

    Optional<SavedSegment> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from segment where id = ?")
                .param(id)
                .query(this::segment)
                .optional();
    }

    long insert(
            String name,
            @Nullable String description,
            String rule,
            @Nullable Integer tagId,
            @Nullable Long byId,
            @Nullable String byName) {
        return jdbc.sql(
                        "insert into segment (tenant_id, name, description, rule, tag_id, created_by_id, created_by_name)"
                                + " values (siyu_current_tenant(), ?, ?, ?::jsonb, ?, ?, ?) returning id")
                .params(name, description, rule, tagId, byId, byName)
                .query(Long.class)
                .single();
    }

    void update(long id, String name, @Nullable String description, String rule, @Nullable Integer tagId) {
        jdbc.sql("update segment set name = ?, description = ?, rule = ?::jsonb, tag_id = ?, updated_at = now()"
                        + " where id = ?")
                .params(name, description, rule, tagId, id)
                .update();
    }

    void delete(long id) {
        for (var table : List.of("segment_change", "segment_snapshot", "segment_size")) {
            jdbc.sql("delete from " + table + " where segment_id = ?").param(id).update();
        }
        jdbc.sql("delete from segment where id = ?").param(id).update();
    }

    /** The members as last published: the snapshot with every change after it applied in order. */
    RoaringBitmap published(long id) {
        var members = jdbc.sql("select members from segment_snapshot where segment_id = ?")
                .param(id)
                .query((rs, n) -> Bitmaps.bitmap(rs.getBytes(1)))
                .optional()
                .orElseGet(RoaringBitmap::new);
        jdbc.sql("select entered, exited from segment_change where segment_id = ? order by seq")
                .param(id)
                .query(rs -> {
                    members.or(Bitmaps.bitmap(rs.getBytes(1)));
                    members.andNot(Bitmaps.bitmap(rs.getBytes(2)));
                });
        return members;
    }

    /** Records a change and the size it leads to (today is a day in the tenant's zone). */
    void recordChange(
            long id, RoaringBitmap entered, RoaringBitmap exited, long size, boolean usesSql, LocalDate today) {
        if (!entered.isEmpty() || !exited.isEmpty()) {
            jdbc.sql("insert into segment_change (tenant_id, segment_id, entered, exited) values"
                            + " (siyu_current_tenant(), ?, ?, ?)")
                    .params(id, Bitmaps.bytes(entered), Bitmaps.bytes(exited))
                    .update();
        }
        jdbc.sql("insert into segment_size (tenant_id, segment_id, day, size, entered, exited)"
                        + " values (siyu_current_tenant(), ?, ?, ?, ?, ?) on conflict (tenant_id, segment_id, day)"
                        + " do update set size = excluded.size, entered = segment_size.entered + excluded.entered,"
                        + " exited = segment_size.exited + excluded.exited")
                .params(id, today, size, entered.getLongCardinality(), exited.getLongCardinality())
                .update();
        jdbc.sql("update segment set size = ?, uses_sql = ?, evaluated_at = now() where id = ?")
                .params(size, usesSql, id)
                .update();
    }

    /** Folds the changes into the snapshot, keeping restarts quick. */
    void compact(long id, RoaringBitmap members) {
        jdbc.sql("insert into segment_snapshot (tenant_id, segment_id, members, taken_at) values"
                        + " (siyu_current_tenant(), ?, ?, now()) on conflict (tenant_id, segment_id)"
                        + " do update set members = excluded.members, taken_at = excluded.taken_at")
                .params(id, Bitmaps.bytes(members))
                .update();
        jdbc.sql("delete from segment_change where segment_id = ?").param(id).update();
    }

    int changesSinceSnapshot(long id) {
        return jdbc.sql("select count(*) from segment_change where segment_id = ?")
                .param(id)
                .query(Integer.class)
                .single();
    }

    /** Days from {@code from} on, oldest first; days without a row are not listed. */
    List<Size> sizes(long id, LocalDate from) {
        return jdbc.sql("select day, size, entered, exited from segment_size where segment_id = ? and day >= ?"
                        + " order by day")
                .params(id, from)
                .query((rs, n) ->
                        new Size(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    /** The last size known before {@code day}, for the start of a size chart. */
    Optional<Long> sizeBefore(long id, LocalDate day) {
        return jdbc.sql("select size from segment_size where segment_id = ? and day < ? order by day desc limit 1")
                .params(id, day)
                .query(Long.class)
                .optional();
    }

    private SavedSegment segment(ResultSet rs, int n) throws SQLException {
        return new SavedSegment(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                json.readTree(rs.getString(4)),
                rs.getObject(5, Integer.class),
                rs.getLong(6),
                rs.getBoolean(7),
                rs.getTimestamp(8).toInstant(),
                rs.getTimestamp(9).toInstant(),
                instant(rs, 10),
                rs.getObject(11, Long.class),
                rs.getString(12));
    }

    private static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
        var at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
