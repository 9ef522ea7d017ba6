package io.siyu.bench;

import java.util.List;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Drops the indexes of some tables that no constraint needs and builds them again afterwards, from the
 * definitions PostgreSQL reports. Building a btree once over 100M rows is many times faster than keeping it
 * current row by row while rows arrive in random key order, which is how the data set comes.
 */
final class SecondaryIndexes {

    private SecondaryIndexes() {}

    /**
     * Builds again, on every partition, any index left invalid: a definition read from a partitioned table
     * says {@code ON ONLY}, which creates the parent's index alone (an earlier version of this class did).
     */
    static boolean repair(JdbcTemplate owner) {
        var invalid = owner.queryForList(
                "select indexrelid::regclass::text as name, pg_get_indexdef(indexrelid) as definition"
                        + " from pg_index where not indisvalid");
        invalid.forEach(index -> owner.execute("drop index " + index.get("name")));
        build(owner, invalid);
        return !invalid.isEmpty();
    }

    private static void build(JdbcTemplate owner, List<java.util.Map<String, Object>> indexes) {
        owner.execute((ConnectionCallback<Void>) connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute("set maintenance_work_mem = '1GB'");
                for (var index : indexes) {
                    long started = System.nanoTime();
                    statement.execute(everyPartition((String) index.get("definition")));
                    System.out.printf(
                            "index %s built in %d s%n",
                            index.get("name"), (System.nanoTime() - started) / 1_000_000_000);
                }
                statement.execute("reset maintenance_work_mem");
            }
            return null;
        });
    }

    private static String everyPartition(String definition) {
        return definition.replace(" ON ONLY ", " ON ");
    }

    /** Runs {@code load} with the plain (not constraint-backed) indexes of {@code tables} dropped. */
    static void without(JdbcTemplate owner, List<String> tables, Runnable load) {
        var indexes = owner.queryForList("""
                select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
                from pg_index i
                where i.indrelid in (select oid from pg_class where relname in (%s) and relnamespace = current_schema()::regnamespace)
                  and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
                """.formatted(String.join(
                ", ", tables.stream().map(t -> "'" + t + "'").toList())));
        indexes.forEach(index -> owner.execute("drop index " + index.get("name")));
        try {
            load.run();
        } finally {
            build(owner, indexes);
        }
    }
}
