package io.siyu.transfer;

import io.siyu.shared.CursorPage;
import io.siyu.shared.DomainException;
import io.siyu.shared.PageRequest;
import io.siyu.shared.Tenancy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** The job rows and the job files in the data folder. */
@Component
class Jobs {

    static final Duration STALE = Duration.ofMinutes(2);
    private static final String COLUMNS = "id, kind, entity, format, encoding, file_name, status, mapping::text,"
            + " total_rows, processed_rows, accepted_rows, rejected_rows, message, created_by, created_at, finished_at,"
            + " heartbeat_at";

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final Path root;

    Jobs(JdbcClient jdbc, ObjectMapper json, Clock clock, @Value("${siyu.data-dir:./siyu-data}") Path dataDir) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.root = dataDir.toAbsolutePath().resolve("transfer");
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    long create(String kind, Entity entity, String format, @Nullable String encoding, String fileName, String actor) {
        return jdbc.sql(
                        "insert into transfer_job (tenant_id, kind, entity, format, encoding, file_name, status, created_by)"
                                + " values (siyu_current_tenant(), ?, ?, ?, ?, ?, 'uploaded', ?) returning id")
                .params(kind, entity.code(), format, encoding, fileName, actor)
                .query(Long.class)
                .single();
    }

    @Transactional(readOnly = true)
    Job get(long id, String kind) {
        return jdbc.sql("select " + COLUMNS + " from transfer_job where id = ? and kind = ?")
                .params(id, kind)
                .query((rs, n) -> job(rs))
                .optional()
                .orElseThrow(() -> DomainException.notFound(kind, id));
    }

    @Transactional(readOnly = true)
    CursorPage<Job> list(String kind, PageRequest page) {
        var rows = jdbc.sql(
                        "select " + COLUMNS + " from transfer_job where kind = ? and id < ? order by id desc limit ?")
                .params(kind, page.before(), page.fetchSize())
                .query((rs, n) -> job(rs))
                .list();
        return CursorPage.ofDescending(rows, page.limit(), Job::id);
    }

    /** Marks a job running unless it runs already; false when it does. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    boolean begin(long id, Map<String, String> mapping, long total) {
        return jdbc.sql(
                                "update transfer_job set status = 'running', mapping = ?::jsonb, total_rows = ?, processed_rows = 0,"
                                        + " accepted_rows = 0, rejected_rows = 0, message = null, finished_at = null, heartbeat_at = ?"
                                        + " where id = ? and (status <> 'running' or heartbeat_at < ?)")
                        .params(
                                json.writeValueAsString(mapping),
                                total,
                                Timestamp.from(clock.instant()),
                                id,
                                Timestamp.from(clock.instant().minus(STALE)))
                        .update()
                == 1;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void progress(long id, long processed, long accepted, long rejected) {
        jdbc.sql(
                        "update transfer_job set processed_rows = ?, accepted_rows = ?, rejected_rows = ?, heartbeat_at = ? where id = ?")
                .params(processed, accepted, rejected, Timestamp.from(clock.instant()), id)
                .update();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void finish(long id, boolean ok, @Nullable String message) {
        jdbc.sql("update transfer_job set status = ?, message = ?, finished_at = ?, heartbeat_at = ? where id = ?")
                .params(
                        ok ? "done" : "failed",
                        message,
                        Timestamp.from(clock.instant()),
                        Timestamp.from(clock.instant()),
                        id)
                .update();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void formatOf(long id, String format, @Nullable String encoding) {
        jdbc.sql("update transfer_job set format = ?, encoding = ? where id = ?")
                .params(format, encoding == null || encoding.isEmpty() ? null : encoding, id)
                .update();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void total(long id, long total) {
        jdbc.sql("update transfer_job set total_rows = ? where id = ?")
                .params(total, id)
                .update();
    }

    /** A job's file: {@code input.csv}, {@code errors.csv}, {@code export.xlsx} and so on. */
    Path file(long id, String name) {
        var folder = root.resolve(String.valueOf(Tenancy.required().value()));
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return folder.resolve(id + "-" + name);
    }

    private Job job(ResultSet rs) throws SQLException {
        var status = rs.getString(7);
        var heartbeat = rs.getTimestamp(17);
        if (status.equals("running")
                && heartbeat != null
                && heartbeat.toInstant().isBefore(clock.instant().minus(STALE))) {
            status = "interrupted";
        }
        Map<String, String> mapping =
                new LinkedHashMap<>(json.readValue(rs.getString(8), new TypeReference<Map<String, String>>() {}));
        return new Job(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                status,
                mapping,
                rs.getLong(9),
                rs.getLong(10),
                rs.getLong(11),
                rs.getLong(12),
                rs.getString(13),
                rs.getString(14),
                rs.getTimestamp(15).toInstant(),
                rs.getTimestamp(16) == null ? null : rs.getTimestamp(16).toInstant());
    }
}
