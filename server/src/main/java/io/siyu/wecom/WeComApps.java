package io.siyu.wecom;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The bound tenant's WeCom apps. */
@Component
class WeComApps {

    private static final String COLUMNS =
            "id, name, corp_id, agent_id, token, encoding_aes_key, callback_key, api_base_url, created_at";

    private final JdbcClient jdbc;

    WeComApps(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The connected apps; not the demo's (see {@link WeComDemo}). */
    List<WeComApp> all() {
        return jdbc.sql("select " + COLUMNS + " from wecom_app where not demo order by id")
                .query(WeComApps::app)
                .list();
    }

    Optional<WeComApp> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from wecom_app where id = ?")
                .param(id)
                .query(WeComApps::app)
                .optional();
    }

    Optional<WeComApp> byCallbackKey(String key) {
        return jdbc.sql("select " + COLUMNS + " from wecom_app where callback_key = ?")
                .param(key)
                .query(WeComApps::app)
                .optional();
    }

    /** The tenant whose app has this callback key, looked up before any tenant is bound. */
    Optional<Long> tenantOf(String key) {
        return jdbc.sql("select siyu_wecom_callback_tenant(?)")
                .param(key)
                .query((rs, n) -> rs.getObject(1, Long.class))
                .optional()
                .filter(java.util.Objects::nonNull);
    }

    /** The app's secret: only the API client reads it, to fetch access tokens. */
    String secret(long id) {
        return jdbc.sql("select secret from wecom_app where id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    long insert(
            String name,
            String corpId,
            String agentId,
            String secret,
            String token,
            String aesKey,
            String callbackKey,
            @Nullable String apiBaseUrl) {
        return jdbc.sql("""
                        insert into wecom_app (tenant_id, name, corp_id, agent_id, secret, token, encoding_aes_key,
                                               callback_key, api_base_url)
                        values (siyu_current_tenant(), ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(name, corpId, agentId, secret, token, aesKey, callbackKey, apiBaseUrl)
                .query(Long.class)
                .single();
    }

    void update(
            long id, String name, @Nullable String secret, String token, String aesKey, @Nullable String apiBaseUrl) {
        jdbc.sql("""
                        update wecom_app set name = ?, secret = coalesce(?, secret), token = ?, encoding_aes_key = ?,
                               api_base_url = ? where id = ?""").params(name, secret, token, aesKey, apiBaseUrl, id).update();
    }

    boolean delete(long id) {
        return jdbc.sql("delete from wecom_app where id = ?").param(id).update() > 0;
    }

    private static WeComApp app(ResultSet rs, int row) throws SQLException {
        return new WeComApp(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getTimestamp(9).toInstant());
    }
}
