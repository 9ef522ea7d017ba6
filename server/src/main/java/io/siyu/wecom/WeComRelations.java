package io.siyu.wecom;

import io.siyu.access.TenantManagement;
import io.siyu.customer.CustomerDirectory;
import io.siyu.shared.DomainException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The relations between customers and staff, read three ways: one customer's (several staff may share a
 * customer), losses over time (who lost whom, after how long, through which code), and who hears of a loss.
 */
@Service
public class WeComRelations {

    public record Relation(
            String userId,
            String staffName,
            String externalUserId,
            @Nullable String channelCode,
            @Nullable String state,
            int addWay,
            Instant addedAt,
            @Nullable Instant lostAt,
            @Nullable String lostBy) {}

    public record LossDay(LocalDate day, int byCustomer, int byStaff) {}

    public record StaffLosses(String userId, String name, int losses, int added, double lossRate) {}

    public record CodeLosses(long codeId, String name, int losses, int added) {}

    /**
     * @param medianDays how long lost relations had lasted, at the median
     */
    public record Losses(
            LocalDate from,
            LocalDate to,
            List<LossDay> days,
            List<StaffLosses> staff,
            List<CodeLosses> codes,
            int total,
            @Nullable Double medianDays) {}

    /** Who is told of a lost customer: nobody, the staff member, or a manager (a WeCom userid). */
    public record Settings(String lossNotify, @Nullable String lossManagerId) {}

    /** Through whom a customer can be reached in WeCom: a staff member they are a contact of. */
    public record Reach(long customerId, String userId, String externalUserId) {}

    private final JdbcClient jdbc;
    private final TenantManagement tenants;
    private final CustomerDirectory customers;
    private final io.siyu.customer.IdentityMerges merges;

    WeComRelations(
            JdbcClient jdbc,
            TenantManagement tenants,
            CustomerDirectory customers,
            io.siyu.customer.IdentityMerges merges) {
        this.merges = merges;
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.customers = customers;
    }

    /** The customer's relations with staff, current first. */
    @Transactional(readOnly = true)
    public List<Relation> of(long customerId) {
        var profile = customers.get(customerId);
        return jdbc.sql("""
                        select c.user_id, coalesce(s.name, c.user_id), c.external_user_id, k.name, c.state,
                               coalesce(c.add_way, 0), c.added_at, c.lost_at, c.lost_by
                        from wecom_contact c
                        left join wecom_staff s on s.app_id = c.app_id and s.user_id = c.user_id
                        left join wecom_channel_code k on k.id = c.channel_code_id
                        where c.customer_id = any(?::bigint[])
                        order by c.lost_at nulls first, c.added_at desc""")
                .param(profile.members().toArray(Long[]::new))
                .query((rs, n) -> new Relation(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getInt(6),
                        rs.getTimestamp(7).toInstant(),
                        rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant(),
                        rs.getString(9)))
                .list();
    }

    @Transactional(readOnly = true)
    public Losses losses(LocalDate from, LocalDate to) {
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= ChannelCodeStats.MAX_DAYS) {
            throw DomainException.invalid("to", "wecom.stats.range", ChannelCodeStats.MAX_DAYS);
        }
        var zone = ZoneId.of(tenants.current().timeZone());
        var start = Timestamp.from(from.atStartOfDay(zone).toInstant());
        var end = Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant());
        var perDay = new LinkedHashMap<LocalDate, int[]>();
        jdbc.sql("""
                        select (lost_at at time zone ?)::date, count(*) filter (where lost_by = 'customer'),
                               count(*) filter (where lost_by = 'staff')
                        from wecom_contact where lost_at >= ? and lost_at < ? and lost_by in ('customer', 'staff')
                        group by 1""")
                .params(zone.getId(), start, end)
                .query((rs, n) -> perDay.put(rs.getObject(1, LocalDate.class), new int[] {rs.getInt(2), rs.getInt(3)}))
                .list();
        var days = new ArrayList<LossDay>();
        for (var day = from; !day.isAfter(to); day = day.plusDays(1)) {
            var counts = perDay.getOrDefault(day, new int[2]);
            days.add(new LossDay(day, counts[0], counts[1]));
        }
        var staff = jdbc.sql("""
                        select c.user_id, coalesce(max(s.name), c.user_id),
                               count(*) filter (where c.lost_at >= ? and c.lost_at < ? and c.lost_by in ('customer', 'staff')),
                               count(*) filter (where c.added_at >= ? and c.added_at < ?)
                        from wecom_contact c left join wecom_staff s on s.app_id = c.app_id and s.user_id = c.user_id
                        group by c.user_id having count(*) filter (where c.lost_at >= ? and c.lost_at < ?) > 0
                        order by 3 desc, 1""")
                .params(start, end, start, end, start, end)
                .query((rs, n) -> new StaffLosses(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getInt(4),
                        rs.getInt(4) == 0 ? 1.0 : Math.min(1.0, rs.getDouble(3) / rs.getInt(4))))
                .list();
        var codes = jdbc.sql("""
                        select k.id, k.name,
                               count(*) filter (where c.lost_at >= ? and c.lost_at < ? and c.lost_by in ('customer', 'staff')),
                               count(*) filter (where c.added_at >= ? and c.added_at < ?)
                        from wecom_contact c join wecom_channel_code k on k.id = c.channel_code_id
                        group by k.id, k.name having count(*) filter (where c.lost_at >= ? and c.lost_at < ?) > 0
                        order by 3 desc, 1""")
                .params(start, end, start, end, start, end)
                .query((rs, n) -> new CodeLosses(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4)))
                .list();
        var median =
                jdbc.sql("""
                        select percentile_cont(0.5) within group (order by extract(epoch from lost_at - added_at) / 86400)
                        from wecom_contact where lost_at >= ? and lost_at < ? and lost_by in ('customer', 'staff')""").params(start, end).query(Double.class).optional().orElse(null);
        int total = days.stream().mapToInt(d -> d.byCustomer() + d.byStaff()).sum();
        return new Losses(from, to, days, staff, codes, total, median);
    }

    /**
     * For each of these customers who is a current contact of the app's staff (of {@code staff} only, when it
     * is not empty), the staff member they added most recently. A relation recorded on a profile since merged
     * into the customer counts for the customer.
     */
    @Transactional(readOnly = true)
    public List<Reach> reachable(
            long appId, java.util.Collection<Long> customerIds, java.util.Collection<String> staff) {
        if (customerIds.isEmpty()) {
            return List.of();
        }
        var roots = merges.members(customerIds);
        var latest = new java.util.HashMap<Long, Reach>();
        jdbc.sql("select customer_id, user_id, external_user_id from wecom_contact"
                        + " where app_id = ? and lost_at is null and customer_id = any(?::bigint[])"
                        + (staff.isEmpty() ? "" : " and user_id = any(?::text[])")
                        + " order by added_at desc")
                .params(
                        staff.isEmpty()
                                ? List.of(appId, roots.keySet().toArray(Long[]::new))
                                : List.of(appId, roots.keySet().toArray(Long[]::new), staff.toArray(String[]::new)))
                .query((rs, n) ->
                        new Reach(roots.getOrDefault(rs.getLong(1), rs.getLong(1)), rs.getString(2), rs.getString(3)))
                .list()
                .forEach(r -> latest.putIfAbsent(r.customerId(), r));
        return List.copyOf(latest.values());
    }

    @Transactional(readOnly = true)
    public Settings settings() {
        return jdbc.sql("select loss_notify, loss_manager_id from wecom_settings")
                .query((rs, n) -> new Settings(rs.getString(1), rs.getString(2)))
                .optional()
                .orElse(new Settings("staff", null));
    }

    @Transactional
    public Settings update(Settings settings) {
        var notify = settings.lossNotify();
        if (!List.of("none", "staff", "manager").contains(notify)) {
            throw DomainException.invalid("lossNotify", "wecom.settings.notify");
        }
        var manager =
                settings.lossManagerId() == null || settings.lossManagerId().isBlank()
                        ? null
                        : settings.lossManagerId().strip();
        if (notify.equals("manager")
                && (manager == null
                        || jdbc.sql("select count(*) from wecom_staff where user_id = ? and not removed")
                                        .param(manager)
                                        .query(Integer.class)
                                        .single()
                                == 0)) {
            throw DomainException.invalid("lossManagerId", "wecom.handover.staff", String.valueOf(manager));
        }
        jdbc.sql("""
                        insert into wecom_settings (loss_notify, loss_manager_id) values (?, ?)
                        on conflict (tenant_id) do update set loss_notify = excluded.loss_notify,
                            loss_manager_id = excluded.loss_manager_id""").params(notify, manager).update();
        return settings();
    }
}
