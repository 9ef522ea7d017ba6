package io.siyu.growth;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 分销 figures for the console and the ledger's reconciliation. */
@Service
public class DistributionReport {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final int MONTHS = 6;

    private final JdbcClient jdbc;
    private final DistributionLedger ledger;
    private final Clock clock;

    DistributionReport(JdbcClient jdbc, DistributionLedger ledger, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Checks every distributor's balances against the sums of their entries and their withdrawals. */
    public Distribution.Reconciliation reconcile() {
        return ledger.reconcile();
    }

    /** Counts, total balances and the last six months' commission (China time). */
    @Transactional(readOnly = true)
    public Distribution.Summary summary() {
        var counts = jdbc.sql("""
                        select count(*), count(*) filter (where status = 'active'),
                               count(*) filter (where status = 'pending'),
                               (select count(*) from distribution_binding),
                               (select count(*) from distribution_withdrawal where status = 'requested'),
                               coalesce(sum(pending), 0), coalesce(sum(available), 0), coalesce(sum(frozen), 0),
                               coalesce(sum(debt), 0), coalesce(sum(withdrawn), 0)
                        from distributor""")
                .query((rs, n) -> new Object[] {
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getLong(3),
                    rs.getLong(4),
                    rs.getLong(5),
                    new Distribution.Balances(
                            rs.getBigDecimal(6),
                            rs.getBigDecimal(7),
                            rs.getBigDecimal(8),
                            rs.getBigDecimal(9),
                            rs.getBigDecimal(10))
                })
                .single();
        var first = ZonedDateTime.now(clock.withZone(ZONE))
                .withDayOfMonth(1)
                .toLocalDate()
                .minusMonths(MONTHS - 1L);
        var format = DateTimeFormatter.ofPattern("yyyy-MM");
        var months = new LinkedHashMap<String, BigDecimal[]>();
        for (int i = 0; i < MONTHS; i++) {
            var zero = BigDecimal.ZERO.setScale(2);
            months.put(first.plusMonths(i).format(format), new BigDecimal[] {zero, zero, zero});
        }
        jdbc.sql("""
                        select to_char(at at time zone 'Asia/Shanghai', 'YYYY-MM'),
                               coalesce(sum(pending) filter (where kind = 'commission'), 0),
                               coalesce(-sum(pending) filter (where kind = 'release'), 0),
                               coalesce(-sum(pending + available - debt) filter (where kind in ('cancel', 'clawback')), 0)
                        from distribution_entry where at >= (?::date at time zone 'Asia/Shanghai')
                        group by 1""").param(first).query(rs -> {
            var month = months.get(rs.getString(1));
            if (month != null) {
                month[0] = rs.getBigDecimal(2);
                month[1] = rs.getBigDecimal(3);
                month[2] = rs.getBigDecimal(4);
            }
        });
        var series = new ArrayList<Distribution.Month>();
        months.forEach((month, sums) -> series.add(new Distribution.Month(month, sums[0], sums[1], sums[2])));
        return new Distribution.Summary(
                (Long) counts[0],
                (Long) counts[1],
                (Long) counts[2],
                (Long) counts[3],
                (Long) counts[4],
                (Distribution.Balances) counts[5],
                series);
    }
}
