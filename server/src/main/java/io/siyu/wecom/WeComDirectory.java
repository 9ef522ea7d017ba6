package io.siyu.wecom;

import io.siyu.shared.DomainException;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The corp's staff as the last sync found them, with how many customers each has now. */
@Service
public class WeComDirectory {

    public record Staff(
            String userId, String name, List<Integer> departments, boolean contactEnabled, int status, int customers) {}

    private final JdbcClient jdbc;
    private final WeComApps apps;

    WeComDirectory(JdbcClient jdbc, WeComApps apps) {
        this.jdbc = jdbc;
        this.apps = apps;
    }

    @Transactional(readOnly = true)
    public List<Staff> staff(long appId) {
        apps.find(appId).orElseThrow(() -> DomainException.notFound("wecom-app", appId));
        return jdbc.sql("""
                        select s.user_id, s.name, s.departments, s.contact_enabled, s.status,
                               (select count(*) from wecom_contact c where c.app_id = s.app_id and c.user_id = s.user_id
                                and c.lost_at is null)
                        from wecom_staff s where s.app_id = ? and not s.removed order by s.name""")
                .param(appId)
                .query((rs, n) -> new Staff(
                        rs.getString(1),
                        rs.getString(2),
                        Arrays.asList((Integer[]) rs.getArray(3).getArray()),
                        rs.getBoolean(4),
                        rs.getInt(5),
                        rs.getInt(6)))
                .list();
    }
}
