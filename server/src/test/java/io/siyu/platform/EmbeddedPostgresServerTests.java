package io.siyu.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTests {

    @TempDir
    Path dataDir;

    @Test
    void dataSurvivesARestart() throws Exception {
        try (var server = EmbeddedPostgresServer.start(dataDir)) {
            execute(server, "create table kept (v text); insert into kept values ('still here')");
        }
        try (var server = EmbeddedPostgresServer.start(dataDir);
                var connection = DriverManager.getConnection(server.jdbcUrl(), "postgres", "");
                var rs = connection.createStatement().executeQuery("select v from kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("still here");
        }
    }

    @Test
    void aSecondServerOnTheSameFolderIsRefusedWithAClearMessage() throws Exception {
        try (var first = EmbeddedPostgresServer.start(dataDir)) {
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(dataDir))
                    .isInstanceOfSatisfying(EmbeddedPostgresServer.DataFolderInUse.class, refused -> {
                        assertThat(refused).hasMessageContaining("in use by another running Siyu");
                        assertThat(refused.action()).contains("SIYU_DATA_DIR");
                        var report = new StartupRefusalAnalyzer().analyze(new RuntimeException(refused));
                        assertThat(report.getDescription()).isEqualTo(refused.getMessage());
                        assertThat(report.getAction()).isEqualTo(refused.action());
                    });
        }
    }

    @Test
    void theApplicationRoleIsNeitherSuperuserNorExemptFromRowSecurity() throws Exception {
        try (var server = EmbeddedPostgresServer.start(dataDir);
                var connection = DriverManager.getConnection(
                        server.jdbcUrl(), EmbeddedPostgresServer.APP_ROLE, server.appPassword());
                var rs = connection
                        .createStatement()
                        .executeQuery(
                                "select rolsuper, rolbypassrls, rolcreaterole from pg_roles where rolname = current_user")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBoolean(1)).isFalse();
            assertThat(rs.getBoolean(2)).isFalse();
            assertThat(rs.getBoolean(3)).isFalse();
        }
    }

    @Test
    void acknowledgedCommitsAreDurable() throws Exception {
        try (var server = EmbeddedPostgresServer.start(dataDir);
                var connection = DriverManager.getConnection(server.jdbcUrl(), "postgres", "");
                var rs = connection
                        .createStatement()
                        .executeQuery("select current_setting('synchronous_commit')," + " current_setting('fsync')")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("on");
            assertThat(rs.getString(2)).isEqualTo("on");
        }
    }

    private static void execute(EmbeddedPostgresServer server, String sql) throws Exception {
        try (var connection = DriverManager.getConnection(server.jdbcUrl(), "postgres", "")) {
            connection.createStatement().execute(sql);
        }
    }
}
