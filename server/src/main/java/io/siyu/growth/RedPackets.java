package io.siyu.growth;

import io.siyu.access.Actor;
import io.siyu.customer.CustomerDirectory;
import io.siyu.shared.CursorPage;
import io.siyu.shared.DomainException;
import io.siyu.shared.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Red packets and the budget they come out of (红包裂变). The budget is a ledger: top-ups add, each red packet
 * granted reserves its amount in the granting transaction, under a lock on the campaign's balance row; a packet the
 * balance cannot cover is not granted. The row's check (remaining ≥ 0) is the second guard. Paying happens after
 * commit ({@link RedPacketPayouts}).
 */
@Service
public class RedPackets {

    /** A red packet is 0.30 to 200.00 yuan, as WeChat lets a transfer to a balance be. */
    static final long MIN_FEN = 30;

    static final long MAX_FEN = 20_000;
    /** A budget (or one top-up) is at most 1,000,000 yuan. */
    static final long MAX_BUDGET = 100_000_000;

    private static final String COLUMNS = "id, campaign_id, participant_id, stage, customer_id, amount, status,"
            + " attempts, granted_at, paid_at, last_error";

    private final JdbcClient jdbc;
    private final CustomerDirectory customers;
    private final Clock clock;

    RedPackets(JdbcClient jdbc, CustomerDirectory customers, Clock clock) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.clock = clock;
    }

    /** In the creating transaction: the campaign's budget, with {@code amount} as its first top-up when positive. */
    void open(long campaign, long amount) {
        jdbc.sql("insert into campaign_budget (campaign_id) values (?)")
                .param(campaign)
                .update();
        if (amount > 0) {
            add(campaign, amount, null);
        }
    }

    /**
     * In the granting transaction: a red packet of {@code min} fen (or a random amount up to {@code max}) reserved
     * from the budget for the reward. Answers 1 when granted, 0 when the budget cannot cover it (or there is none).
     */
    int grant(long campaign, long participant, int stage, long customer, long min, @Nullable Long max) {
        long amount =
                max == null || max <= min ? min : ThreadLocalRandom.current().nextLong(min, max + 1);
        var remaining = jdbc.sql("select remaining from campaign_budget where campaign_id = ? for update")
                .param(campaign)
                .query(Long.class)
                .optional();
        if (remaining.isEmpty() || remaining.get() < amount) {
            return 0;
        }
        jdbc.sql("update campaign_budget set reserved = reserved + ?, remaining = remaining - ? where campaign_id = ?")
                .params(amount, amount, campaign)
                .update();
        var now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        insert into campaign_budget_entry (campaign_id, kind, amount, participant_id, stage, at)
                        values (?, 'reserve', ?, ?, ?, ?)""").params(campaign, -amount, participant, stage, now).update();
        jdbc.sql("""
                        insert into campaign_red_packet (campaign_id, participant_id, stage, customer_id, amount, due_at,
                                                         granted_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(campaign, participant, stage, customer, amount, now, now)
                .update();
        return 1;
    }

    /** The operator adds to the budget: a ledger entry; answers the budget after it. */
    @Transactional
    public Campaign.Budget topUp(long campaignId, RedPacket.TopUp input) {
        long amount = input.amount() == null ? 0 : input.amount();
        if (amount < 1 || amount > MAX_BUDGET) {
            throw DomainException.invalid("amount", "growth.budget.top-up", MAX_BUDGET / 100);
        }
        var note = input.note() == null || input.note().isBlank()
                ? null
                : input.note().strip();
        if (note != null && note.length() > 100) {
            throw DomainException.invalid("note", "growth.budget.note", 100);
        }
        var locked = jdbc.sql("select topped_up from campaign_budget where campaign_id = ? for update")
                .param(campaignId)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new DomainException(HttpStatus.CONFLICT, "growth.budget.none"));
        if (locked + amount > MAX_BUDGET) {
            throw DomainException.invalid("amount", "growth.budget.top-up", MAX_BUDGET / 100);
        }
        add(campaignId, amount, note);
        return budgets(List.of(campaignId)).get(campaignId);
    }

    private void add(long campaign, long amount, @Nullable String note) {
        jdbc.sql(
                        "update campaign_budget set topped_up = topped_up + ?, remaining = remaining + ? where campaign_id = ?")
                .params(amount, amount, campaign)
                .update();
        jdbc.sql("""
                        insert into campaign_budget_entry (campaign_id, kind, amount, note, created_by, at)
                        values (?, 'top_up', ?, ?, ?, ?)""")
                .params(campaign, amount, note, Actor.currentName(), Timestamp.from(clock.instant()))
                .update();
    }

    /** The budgets of the campaigns that have one. */
    Map<Long, Campaign.Budget> budgets(List<Long> campaigns) {
        var found = new HashMap<Long, Campaign.Budget>();
        jdbc.sql("""
                        select campaign_id, topped_up, reserved, paid, remaining from campaign_budget
                        where campaign_id = any(?::bigint[])""").param(campaigns.toArray(Long[]::new)).query(rs -> {
            found.put(rs.getLong(1), new Campaign.Budget(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
        });
        return found;
    }

    /** The budget, its latest 200 ledger entries, and the red packets it could not cover. */
    @Transactional(readOnly = true)
    public RedPacket.Ledger ledger(long campaignId) {
        var budget = budgets(List.of(campaignId)).get(campaignId);
        if (budget == null) {
            throw DomainException.notFound("campaign-budget", campaignId);
        }
        var entries = jdbc.sql("""
                        select id, kind, amount, participant_id, stage, note, created_by, at from campaign_budget_entry
                        where campaign_id = ? order by id desc limit 200""")
                .param(campaignId)
                .query((rs, n) -> new RedPacket.Entry(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getObject(4, Long.class),
                        rs.getObject(5, Integer.class),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getTimestamp(8).toInstant()))
                .list();
        long outOfBudget = jdbc.sql(
                        "select count(*) from campaign_reward where campaign_id = ? and status = 'out_of_budget'")
                .param(campaignId)
                .query(Long.class)
                .single();
        return new RedPacket.Ledger(budget, entries, outOfBudget);
    }

    /** A campaign's red packets, newest first. */
    @Transactional(readOnly = true)
    public CursorPage<RedPacket> list(long campaignId, PageRequest page) {
        var rows = jdbc.sql("select " + COLUMNS + " from campaign_red_packet where campaign_id = ? and id < ?"
                        + " order by id desc limit ?")
                .params(campaignId, page.before(), page.fetchSize())
                .query(RedPackets::packet)
                .list();
        var names = customers.names(rows.stream().map(RedPacket::customerId).toList());
        return CursorPage.ofDescending(
                rows.stream().map(p -> p.named(names.get(p.customerId()))).toList(), page.limit(), RedPacket::id);
    }

    static RedPacket packet(ResultSet rs, int n) throws SQLException {
        return new RedPacket(
                rs.getLong(1),
                rs.getLong(2),
                rs.getLong(3),
                rs.getInt(4),
                rs.getLong(5),
                null,
                rs.getLong(6),
                rs.getString(7),
                rs.getInt(8),
                rs.getTimestamp(9).toInstant(),
                rs.getTimestamp(10) == null ? null : rs.getTimestamp(10).toInstant(),
                rs.getString(11));
    }
}
