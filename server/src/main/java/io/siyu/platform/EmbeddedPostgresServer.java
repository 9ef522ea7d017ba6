package io.siyu.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL started from the Maven-packaged binaries, with its data in {@code <dataDir>/postgres}.
 * Creates the {@value #APP_ROLE} login (no superuser, no BYPASSRLS) that the application uses, so that
 * row-level security applies to everything it does; migrations run as the superuser who owns the tables.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    static final String DATABASE = "siyu";
    static final String APP_ROLE = "siyu_app";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final String appPassword;

    private EmbeddedPostgresServer(
            EmbeddedPostgres postgres, FileChannel lockChannel, FileLock lock, String appPassword) {
        this.postgres = postgres;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.appPassword = appPassword;
    }

    static EmbeddedPostgresServer start(Path dataDir) {
        var pgData = dataDir.toAbsolutePath().resolve("postgres");
        FileChannel channel = null;
        try {
            Files.createDirectories(pgData);
            channel = FileChannel.open(
                    dataDir.toAbsolutePath().resolve("siyu.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            var lock = tryLock(channel);
            if (lock == null) {
                throw new DataFolderInUse(dataDir.toAbsolutePath());
            }
            stopOrphanedPostgres(pgData);
            var postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(90))
                    // Stopped by the application context, after the work that still writes on shutdown; a
                    // hook of its own would race with that (and an orphan is stopped at the next start).
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("max_wal_size", "2GB")
                    .setServerConfig("timezone", "UTC")
                    // zonky starts PostgreSQL with -F and synchronous_commit=off for test speed; Siyu promises that
                    // whatever it acknowledges is durable, so both come back on (later -c options win over -F)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .start();
            var password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
            prepareDatabase(postgres, password);
            log.info("embedded PostgreSQL running on port {} with data in {}", postgres.getPort(), pgData);
            return new EmbeddedPostgresServer(postgres, channel, lock, password);
        } catch (IOException | SQLException e) {
            closeQuietly(channel);
            throw new IllegalStateException(
                    "could not start the embedded PostgreSQL in " + pgData + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    String appPassword() {
        return appPassword;
    }

    @Override
    public void close() throws IOException {
        try {
            postgres.close();
        } finally {
            lock.release();
            lockChannel.close();
        }
    }

    private static @Nullable FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    /**
     * After a kill -9 of Siyu its PostgreSQL child keeps running and holds the data folder; we own the folder
     * lock now, so that server is an orphan of ours and is asked to stop before a new one starts.
     */
    private static void stopOrphanedPostgres(Path pgData) throws IOException {
        var pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        var lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.getFirst().trim());
        } catch (NumberFormatException e) {
            return;
        }
        ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(orphan -> {
            log.warn("stopping PostgreSQL (pid {}) left running by an earlier Siyu process", pid);
            orphan.destroy(); // SIGTERM: PostgreSQL's smart shutdown; its clients are gone already
            orphan.onExit().orTimeout(60, java.util.concurrent.TimeUnit.SECONDS).join();
        });
    }

    private static void prepareDatabase(EmbeddedPostgres postgres, String appPassword) throws SQLException {
        try (var admin = postgres.getPostgresDatabase().getConnection();
                var statement = admin.createStatement()) {
            try (var rs = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (!rs.next()) {
                    statement.execute("create database " + DATABASE);
                }
            }
            try (var rs = statement.executeQuery("select 1 from pg_roles where rolname = '" + APP_ROLE + "'")) {
                if (!rs.next()) {
                    statement.execute(
                            "create role " + APP_ROLE + " login nosuperuser nobypassrls nocreatedb nocreaterole");
                }
            }
            statement.execute("alter role " + APP_ROLE + " with password '" + appPassword + "'");
        }
        try (var db = postgres.getDatabase("postgres", DATABASE).getConnection();
                var statement = db.createStatement()) {
            statement.execute("grant connect, temporary on database " + DATABASE + " to " + APP_ROLE);
            statement.execute("grant usage on schema public to " + APP_ROLE);
            statement.execute(
                    "alter default privileges in schema public grant select, insert, update, delete on tables to "
                            + APP_ROLE);
            statement.execute(
                    "alter default privileges in schema public grant usage, select on sequences to " + APP_ROLE);
            statement.execute("alter default privileges in schema public grant execute on functions to " + APP_ROLE);
        }
    }

    private static void closeQuietly(@Nullable FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // already failing; the original error is what matters
            }
        }
    }

    /** Another Siyu process is using this data folder. */
    static final class DataFolderInUse extends StartupRefused {
        DataFolderInUse(Path dataDir) {
            super(
                    "The data folder " + dataDir + " is in use by another running Siyu.",
                    "Stop the other Siyu, or give this one its own folder: SIYU_DATA_DIR=/some/other/folder");
        }
    }
}
