package io.siyu.segment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads what the index keeps from PostgreSQL: everything at start (streamed, in the tenant's transaction),
 * or just some profiles when they change. Dates come as day numbers in the tenant's zone, computed by
 * PostgreSQL exactly as {@link RuleSql} compares them.
 */
@Component
class IndexLoader {

    private static final int FETCH = 10_000;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(IndexLoader.class);
    private static final String EPOCH = " - date '1970-01-01'";

    private final JdbcTemplate jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    private final JdbcClient client;

    IndexLoader(DataSource dataSource, JdbcClient client) {
        this.client = client;
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(FETCH);
    }

    /** The standard fields the index keeps, read by the same SQL that {@link RuleSql} compares them with. */
    private static final List<Field> STANDARD =
            Field.STANDARD.stream().filter(Field::indexed).toList();

    private static String customerColumns(String zone) {
        var columns = new StringBuilder("c.id, coalesce(c.survivor_id, 0)");
        for (var field : STANDARD) {
            var sql = field.sql().replace("%zone", zone);
            columns.append(", ").append(field.kind() == Field.Kind.DATE ? "(" + sql + ")" + EPOCH : sql);
        }
        return columns.append(", c.attributes::text").toString();
    }

    /** Fills {@code index} with the tenant's customers, tags and events. */
    @Transactional(readOnly = true, propagation = Propagation.REQUIRED)
    public void loadAll(TenantIndex index, Map<String, Field> fields) {
        var zone = RuleSql.literal(index.zone);
        long started = System.nanoTime();
        jdbc.query("select " + customerColumns(zone) + " from customer c", rs -> {
            index.put(row(rs, fields), fields);
        });
        long customers = System.nanoTime();
        jdbc.query("select customer_id, tag_id from customer_tag", rs -> {
            index.tag(rs.getInt(1), rs.getInt(2));
        });
        long tags = System.nanoTime();
        jdbc.query(
                "select customer_id, type, (occurred_at at time zone " + zone + ")::date" + EPOCH + " from event",
                rs -> {
                    index.event(rs.getInt(1), rs.getInt(2), rs.getInt(3));
                });
        long events = System.nanoTime();
        index.optimize();
        log.info(
                "index read: customers {} ms, tags {} ms, events {} ms, compression {} ms",
                (customers - started) / 1_000_000,
                (tags - customers) / 1_000_000,
                (events - tags) / 1_000_000,
                (System.nanoTime() - events) / 1_000_000);
    }

    /** Reads these profiles (and the ones merged into them) again; with {@code events}, their events too. */
    @Transactional(readOnly = true, propagation = Propagation.REQUIRED)
    public void reload(TenantIndex index, Map<String, Field> fields, Collection<Long> ids, boolean events) {
        var zone = RuleSql.literal(index.zone);
        var array = ids.toArray(Long[]::new);
        var rows = new ArrayList<TenantIndex.Row>();
        client.sql("select " + customerColumns(zone)
                        + " from customer c where c.id = any(?::bigint[]) or c.survivor_id = any(?::bigint[])")
                .params(array, array)
                .query(rs -> {
                    rows.add(row(rs, fields));
                });
        var group = rows.stream().map(TenantIndex.Row::id).toList();
        var groupArray = group.stream().map(Integer::longValue).toArray(Long[]::new);
        var tags = new ArrayList<int[]>();
        client.sql("select customer_id, tag_id from customer_tag where customer_id = any(?::bigint[])")
                .param(groupArray)
                .query(rs -> {
                    tags.add(new int[] {rs.getInt(1), rs.getInt(2)});
                });
        var found = new ArrayList<int[]>();
        if (events) {
            client.sql("select customer_id, type, (occurred_at at time zone " + zone + ")::date" + EPOCH
                            + " from event where customer_id = any(?::bigint[])")
                    .param(groupArray)
                    .query(rs -> {
                        found.add(new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3)});
                    });
        }
        index.write(() -> {
            // Survivors first: a merged-away row then maps to a root that is indexed.
            rows.stream().filter(r -> r.survivor() == 0).forEach(r -> index.put(r, fields));
            rows.stream().filter(r -> r.survivor() != 0).forEach(r -> index.put(r, fields));
            index.clearTags(group);
            tags.forEach(t -> index.tag(t[0], t[1]));
            if (events) {
                index.clearEvents(group);
                found.forEach(e -> index.event(e[0], e[1], e[2]));
            }
            return null;
        });
    }

    private TenantIndex.Row row(ResultSet rs, Map<String, Field> fields) throws SQLException {
        var values = new HashMap<String, Object>();
        int column = 3;
        for (var field : STANDARD) {
            Object value = field.kind() == Field.Kind.TEXT_CATEGORY ? rs.getString(column) : rs.getLong(column);
            if (!rs.wasNull()) {
                values.put(field.key(), value);
            }
            column++;
        }
        var attributes = rs.getString(column);
        if (attributes != null && attributes.length() > 2) {
            custom(json.readTree(attributes), fields, values);
        }
        return new TenantIndex.Row(rs.getInt(1), rs.getInt(2), values);
    }

    /** Custom attribute values, converted the way {@link RuleSql} reads them from the JSON. */
    private static void custom(JsonNode attributes, Map<String, Field> fields, Map<String, Object> values) {
        for (var entry : attributes.properties()) {
            var field = fields.get("attributes." + entry.getKey());
            var value = entry.getValue();
            if (field == null || !field.indexed() || value == null || value.isNull()) {
                continue;
            }
            switch (field.kind()) {
                case TEXT_CATEGORY -> values.put(field.key(), value.isString() ? value.asString() : value.toString());
                case BOOLEAN -> {
                    if (value.isBoolean()) {
                        values.put(field.key(), value.asBoolean() ? 1L : 0L);
                    }
                }
                case DATE -> {
                    try {
                        values.put(
                                field.key(),
                                java.time.LocalDate.parse(value.asString()).toEpochDay());
                    } catch (RuntimeException e) {
                        // not a date: SQL would fail on it too, and the write path never stores one
                    }
                }
                case MULTI -> {
                    if (value.isArray()) {
                        var options = new ArrayList<String>();
                        value.forEach(option -> options.add(option.isString() ? option.asString() : option.toString()));
                        values.put(field.key(), options);
                    }
                }
                default -> {}
            }
        }
    }
}
