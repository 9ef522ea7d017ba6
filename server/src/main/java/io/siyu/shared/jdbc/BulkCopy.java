package io.siyu.shared.jdbc;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk loading with COPY under row-level security. PostgreSQL refuses COPY FROM into a table with RLS for
 * a role that is subject to it, so rows are copied into a transaction-local temporary table and moved with
 * one INSERT ... SELECT, where the tenant policy checks every row.
 */
@Component
public class BulkCopy {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    private final DataSource dataSource;

    BulkCopy(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Copies the rows that {@code writer} produces into {@code table}. Must run in a tenant-bound transaction.
     *
     * @param columns the columns the rows give, in order
     * @return rows inserted
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long copy(String table, String[] columns, Consumer<Rows> writer) {
        return copy(table, columns, writer, "", null);
    }

    /**
     * Like {@link #copy(String, String[], Consumer)}, but rows that hit a unique key already present are
     * skipped, and {@code inserted} sees the {@code returning} columns of every row actually inserted.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long copySkippingConflicts(
            String table, String[] columns, Consumer<Rows> writer, String returning, RowCallbackHandler inserted) {
        check(returning.replace(", ", "_").replace(",", "_"));
        return copy(table, columns, writer, " on conflict do nothing returning " + returning, inserted);
    }

    private long copy(
            String table,
            String[] columns,
            Consumer<Rows> writer,
            String suffix,
            @Nullable RowCallbackHandler inserted) {
        check(table);
        for (var column : columns) {
            check(column);
        }
        var columnList = String.join(", ", columns);
        var staging = "bulk_" + table + "_" + Integer.toHexString(columnList.hashCode() & 0x7fffffff);
        var connection = DataSourceUtils.getConnection(dataSource);
        try (var statement = connection.createStatement()) {
            // Only the copied columns, without constraints: generated ids and defaults come with the insert.
            // The table stays with the pooled connection and empties at commit, so that a batch costs no
            // catalog writes; the delete covers a second copy into the same table in one transaction.
            statement.execute("create temporary table if not exists " + staging + " on commit delete rows as select "
                    + columnList + " from " + table + " with no data; delete from " + staging);
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            try (var out = new BufferedWriter(
                    new OutputStreamWriter(
                            new PGCopyOutputStream(copy.copyIn("copy " + staging + " (" + columnList + ") from stdin")),
                            StandardCharsets.UTF_8),
                    1 << 16)) {
                writer.accept(new Rows(out));
            }
            var insert =
                    "insert into " + table + " (" + columnList + ") select " + columnList + " from " + staging + suffix;
            if (inserted == null) {
                return statement.executeLargeUpdate(insert);
            }
            long count = 0;
            try (var rs = statement.executeQuery(insert)) {
                while (rs.next()) {
                    inserted.processRow(rs);
                    count++;
                }
            }
            return count;
        } catch (SQLException e) {
            throw new IllegalStateException("bulk copy into " + table + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void check(String identifier) {
        if (!IDENTIFIER.matcher(identifier).matches()) {
            throw new IllegalArgumentException("not a plain identifier: " + identifier);
        }
    }

    /** Writes rows in COPY's text format: tab-separated, {@code \N} for null. */
    public static final class Rows {
        private final Writer out;
        private boolean first = true;

        Rows(Writer out) {
            this.out = out;
        }

        public Rows value(long value) {
            return raw(Long.toString(value));
        }

        public Rows value(String value) {
            if (plain(value)) {
                return raw(value);
            }
            var escaped = new StringBuilder(value.length() + 8);
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '\\' -> escaped.append("\\\\");
                    case '\t' -> escaped.append("\\t");
                    case '\n' -> escaped.append("\\n");
                    case '\r' -> escaped.append("\\r");
                    default -> escaped.append(c);
                }
            }
            return raw(escaped.toString());
        }

        /** Most values need no escaping: write them as they are, without a copy. */
        private static boolean plain(String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                    return false;
                }
            }
            return true;
        }

        public Rows nullValue() {
            return raw("\\N");
        }

        public void end() {
            try {
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            first = true;
        }

        private Rows raw(String text) {
            try {
                if (!first) {
                    out.write('\t');
                }
                out.write(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            first = false;
            return this;
        }
    }
}
