package io.siyu.access;

import io.siyu.shared.Tenancy;
import io.siyu.shared.TenantId;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Tenants {

    private final JdbcClient jdbc;

    Tenants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every tenant's id, for background work that serves them all. */
    List<TenantId> ids() {
        return jdbc.sql("select siyu_tenant_ids()")
                .query((rs, n) -> new TenantId(rs.getLong(1)))
                .list();
    }

    TenantId nextId() {
        return new TenantId(
                jdbc.sql("select nextval('tenant_id_seq')").query(Long.class).single());
    }

    /** Must run in a transaction bound to {@code id}: the row is only visible and writable to its own tenant. */
    void insert(TenantId id, String name, String timeZone) {
        jdbc.sql("insert into tenant (id, name, time_zone) values (?, ?, ?)")
                .params(id.value(), name, timeZone)
                .update();
    }

    Optional<TenantSettings> current() {
        return jdbc.sql("select id, name, time_zone from tenant where id = siyu_current_tenant()")
                .query((rs, n) -> new TenantSettings(new TenantId(rs.getLong(1)), rs.getString(2), rs.getString(3)))
                .optional();
    }

    void update(String name, String timeZone) {
        jdbc.sql("update tenant set name = ?, time_zone = ? where id = ?")
                .params(name, timeZone, Tenancy.required().value())
                .update();
    }
}
