package io.siyu.layering;

import io.siyu.segment.Layer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/** The bound tenant's layer settings and snapshots. */
@Component
class LayerStore {

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    LayerStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The tenant's own levels, by layer. */
    Map<String, List<Layer.Level>> levels() {
        var levels = new HashMap<String, List<Layer.Level>>();
        jdbc.sql("select layer, levels::text from layer_setting").query(rs -> {
            var list = new ArrayList<Layer.Level>();
            for (var level : json.readTree(rs.getString(2))) {
                var rule = level.get("rule");
                list.add(new Layer.Level(level.path("key").asString(), rule == null || rule.isNull() ? null : rule));
            }
            levels.put(rs.getString(1), list);
        });
        return levels;
    }

    void saveLevels(String layer, List<Layer.Level> levels, String by) {
        var array = JsonNodeFactory.instance.arrayNode();
        levels.forEach(level -> {
            var node = array.addObject().put("key", level.key());
            node.set("rule", level.rule() == null ? JsonNodeFactory.instance.nullNode() : level.rule());
        });
        jdbc.sql("insert into layer_setting (tenant_id, layer, levels, updated_by) values (siyu_current_tenant(), ?,"
                        + " ?::jsonb, ?) on conflict (tenant_id, layer) do update set levels = excluded.levels,"
                        + " updated_at = now(), updated_by = excluded.updated_by")
                .params(layer, array.toString(), by)
                .update();
    }

    void resetLevels(String layer) {
        jdbc.sql("delete from layer_setting where layer = ?").param(layer).update();
    }

    Optional<RfmScoring> scoring() {
        return jdbc.sql("select mode, recency, frequency, monetary, high_from, computed_at from rfm_setting")
                .query((rs, n) -> new RfmScoring(
                        RfmScoring.Mode.valueOf(rs.getString(1).toUpperCase(java.util.Locale.ROOT)),
                        List.of((Integer[]) rs.getArray(2).getArray()),
                        List.of((Integer[]) rs.getArray(3).getArray()),
                        List.of((BigDecimal[]) rs.getArray(4).getArray()),
                        rs.getInt(5),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()))
                .optional();
    }

    void saveScoring(RfmScoring scoring) {
        jdbc.sql("insert into rfm_setting (tenant_id, mode, recency, frequency, monetary, high_from, computed_at)"
                        + " values (siyu_current_tenant(), ?, ?::int[], ?::int[], ?::numeric[], ?, ?)"
                        + " on conflict (tenant_id) do update set mode = excluded.mode, recency = excluded.recency,"
                        + " frequency = excluded.frequency, monetary = excluded.monetary, high_from = excluded.high_from,"
                        + " computed_at = excluded.computed_at, updated_at = now()")
                .params(
                        scoring.mode().code(),
                        scoring.recency().toArray(Integer[]::new),
                        scoring.frequency().toArray(Integer[]::new),
                        scoring.monetary().toArray(BigDecimal[]::new),
                        scoring.highFrom(),
                        scoring.computedAt() == null ? null : java.sql.Timestamp.from(scoring.computedAt()))
                .update();
    }

    // ---- snapshots

    boolean hasSnapshot(LocalDate day) {
        return jdbc.sql("select exists (select 1 from layer_snapshot where day = ?)")
                .param(day)
                .query(Boolean.class)
                .single();
    }

    void saveSnapshot(String layer, LocalDate day, String level, long size, byte[] members) {
        jdbc.sql("insert into layer_snapshot (tenant_id, layer, day, level, size, members) values"
                        + " (siyu_current_tenant(), ?, ?, ?, ?, ?) on conflict (tenant_id, layer, day, level)"
                        + " do update set size = excluded.size, members = excluded.members")
                .params(layer, day, level, size, members)
                .update();
    }

    /** The members of each level of {@code layer} on {@code day}, if a snapshot was taken then. */
    Map<String, byte[]> snapshot(String layer, LocalDate day) {
        var levels = new HashMap<String, byte[]>();
        jdbc.sql("select level, members from layer_snapshot where layer = ? and day = ?")
                .params(layer, day)
                .query(rs -> {
                    levels.put(rs.getString(1), rs.getBytes(2));
                });
        return levels;
    }

    List<LocalDate> snapshotDays(String layer) {
        return jdbc.sql("select distinct day from layer_snapshot where layer = ? order by day")
                .param(layer)
                .query(LocalDate.class)
                .list();
    }

    void dropSnapshotsBefore(LocalDate day) {
        jdbc.sql("delete from layer_snapshot where day < ?").param(day).update();
    }
}
