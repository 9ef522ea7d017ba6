package io.siyu.growth;

import io.siyu.access.Actor;
import io.siyu.customer.CustomerDirectory;
import io.siyu.loyalty.LoyaltyRewards;
import io.siyu.shared.CursorPage;
import io.siyu.shared.DomainException;
import io.siyu.shared.FieldProblem;
import io.siyu.shared.PageRequest;
import io.siyu.wecom.ChannelCodes;
import io.siyu.wecom.GroupCodes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 任务宝 campaigns as operators and API clients see them: made, started, ended, joined, followed. */
@Service
public class Campaigns {

    static final int MAX_NAME = 30;
    static final int MAX_STAGES = 5;
    static final Set<String> REWARDS = Set.of("points", "coupon", "gift", "red_packet");
    static final Set<String> KINDS = Set.of("task", "group");
    /** How far ahead a campaign may end. */
    static final Duration MAX_LENGTH = Duration.ofDays(366);

    private static final String SELECT = "select id, kind, name, description, app_id, channel_code_id, group_code_id,"
            + " status,"
            + " starts_at, ends_at, hold_hours, new_only, burst_per_minute, created_by, created_at, messages::text"
            + " from campaign";

    private final JdbcClient jdbc;
    private final ChannelCodes codes;
    private final CustomerDirectory customers;
    private final Clock clock;
    private final LoyaltyRewards rewards;
    private final GroupCodes groupCodes;
    private final RedPackets redPackets;

    Campaigns(
            JdbcClient jdbc,
            ChannelCodes codes,
            CustomerDirectory customers,
            Clock clock,
            LoyaltyRewards rewards,
            GroupCodes groupCodes,
            RedPackets redPackets) {
        this.jdbc = jdbc;
        this.groupCodes = groupCodes;
        this.redPackets = redPackets;
        this.rewards = rewards;
        this.codes = codes;
        this.customers = customers;
        this.clock = clock;
    }

    @Transactional
    public Campaign create(Campaign.Input input) {
        var problems = new ArrayList<FieldProblem>();
        var name = input.name() == null ? "" : input.name().strip();
        if (name.isEmpty() || name.codePointCount(0, name.length()) > MAX_NAME) {
            problems.add(new FieldProblem("name", "growth.name", MAX_NAME));
        }
        var kind = input.kind() == null || input.kind().isBlank() ? "task" : input.kind();
        if (!KINDS.contains(kind)) {
            problems.add(new FieldProblem("kind", "growth.kind", String.join(", ", KINDS)));
        }
        Long appId = null;
        if (kind.equals("group")) {
            appId = groupCode(input, problems);
        } else if (input.channelCodeId() == null) {
            problems.add(new FieldProblem("channelCodeId", "problem.field.required"));
        } else {
            try {
                var code = codes.get(input.channelCodeId());
                if (!code.kind().equals("channel")) {
                    problems.add(new FieldProblem("channelCodeId", "growth.code.kind"));
                }
                appId = code.appId();
                if (input.appId() != null && input.appId() != code.appId()) {
                    problems.add(new FieldProblem("appId", "growth.code.app"));
                }
            } catch (DomainException e) {
                problems.add(new FieldProblem(
                        "channelCodeId", "growth.code.unknown", String.valueOf(input.channelCodeId())));
            }
        }
        var now = clock.instant();
        // WeCom tells the time of an add in whole seconds: a campaign starts on one
        var startsAt = (input.startsAt() == null ? now : input.startsAt()).truncatedTo(ChronoUnit.SECONDS);
        if (input.endsAt() == null) {
            problems.add(new FieldProblem("endsAt", "problem.field.required"));
        } else if (!input.endsAt().isAfter(startsAt) || input.endsAt().isBefore(now)) {
            problems.add(new FieldProblem("endsAt", "growth.ends-at"));
        } else if (input.endsAt().isAfter(now.plus(MAX_LENGTH))) {
            problems.add(new FieldProblem("endsAt", "growth.ends-at.far", MAX_LENGTH.toDays()));
        }
        int holdHours = input.holdHours() == null ? 24 : input.holdHours();
        if (holdHours < 0 || holdHours > 720) {
            problems.add(new FieldProblem("holdHours", "growth.hold-hours", 720));
        }
        int burst = input.burstPerMinute() == null ? 10 : input.burstPerMinute();
        if (burst < 0 || burst > 1000) {
            problems.add(new FieldProblem("burstPerMinute", "growth.burst", 1000));
        }
        var stages = stages(input.stages(), problems);
        budget(input.budget(), stages, problems);
        var messages = input.messages() == null
                ? null
                : MessageSettings.of(input.messages(), null, LocaleContextHolder.getLocale(), "messages.", problems);
        for (var s : stages) {
            if (s.couponId() != null && !rewards.couponExists(s.couponId())) {
                problems.add(new FieldProblem(
                        "stages[" + (s.stage() - 1) + "].couponId", "growth.stage.coupon", s.couponId()));
            }
        }
        if (!problems.isEmpty()) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "problem.invalid-request", problems);
        }
        boolean group = kind.equals("group");
        if (jdbc.sql("select count(*) from campaign where " + (group ? "group_code_id" : "channel_code_id") + " = ?")
                        .param(group ? input.groupCodeId() : input.channelCodeId())
                        .query(Long.class)
                        .single()
                > 0) {
            throw DomainException.invalid(
                    group ? "groupCodeId" : "channelCodeId", group ? "growth.group-code.taken" : "growth.code.taken");
        }
        long id = jdbc.sql("""
                        insert into campaign (kind, name, description, app_id, channel_code_id, group_code_id, starts_at,
                                              ends_at, hold_hours, new_only, burst_per_minute, created_by, messages)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb) returning id""")
                .params(
                        kind,
                        name,
                        input.description() == null || input.description().isBlank()
                                ? null
                                : input.description().strip(),
                        appId,
                        group ? null : input.channelCodeId(),
                        group ? input.groupCodeId() : null,
                        Timestamp.from(startsAt),
                        Timestamp.from(java.util.Objects.requireNonNull(input.endsAt())),
                        holdHours,
                        input.newOnly() == null || input.newOnly(),
                        burst,
                        Actor.currentName(),
                        messages == null ? null : MessageSettings.write(messages))
                .query(Long.class)
                .single();
        for (var s : stages) {
            jdbc.sql("""
                            insert into campaign_stage (campaign_id, stage, invites, reward_kind, amount, amount_max,
                                                        coupon_id, gift, gift_image, stock)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            id,
                            s.stage(),
                            s.invites(),
                            s.rewardKind(),
                            s.amount(),
                            s.amountMax(),
                            s.couponId(),
                            s.gift(),
                            s.giftImage(),
                            s.stock())
                    .update();
        }
        if (input.budget() != null) {
            redPackets.open(id, input.budget());
        }
        return get(id);
    }

    /** The group live code of a group campaign (one of the operator's, not a participant's); answers its app. */
    private @Nullable Long groupCode(Campaign.Input input, List<FieldProblem> problems) {
        if (input.groupCodeId() == null) {
            problems.add(new FieldProblem("groupCodeId", "problem.field.required"));
            return null;
        }
        var code = groupCodes.all().stream()
                .filter(c -> c.id() == input.groupCodeId())
                .findFirst();
        if (code.isEmpty()) {
            problems.add(
                    new FieldProblem("groupCodeId", "growth.group-code.unknown", String.valueOf(input.groupCodeId())));
            return null;
        }
        if (input.appId() != null && input.appId() != code.get().appId()) {
            problems.add(new FieldProblem("appId", "growth.code.app"));
        }
        return code.get().appId();
    }

    /** A budget is never negative, and red packets need one. */
    private static void budget(@Nullable Long budget, List<Campaign.Stage> stages, List<FieldProblem> problems) {
        if (budget != null && (budget < 0 || budget > RedPackets.MAX_BUDGET)) {
            problems.add(new FieldProblem("budget", "growth.budget", RedPackets.MAX_BUDGET / 100));
        } else if ((budget == null || budget == 0)
                && stages.stream().anyMatch(s -> s.rewardKind().equals("red_packet"))) {
            problems.add(new FieldProblem("budget", "growth.budget.required"));
        }
    }

    /** Stages in order, each needing more invites than the one before; problems named by index. */
    private static List<Campaign.Stage> stages(@Nullable List<Campaign.StageInput> input, List<FieldProblem> problems) {
        var stages = new ArrayList<Campaign.Stage>();
        if (input == null || input.isEmpty() || input.size() > MAX_STAGES) {
            problems.add(new FieldProblem("stages", "growth.stages", MAX_STAGES));
            return stages;
        }
        int before = 0;
        for (int i = 0; i < input.size(); i++) {
            var s = input.get(i);
            var at = "stages[" + i + "].";
            int invites = s.invites() == null ? 0 : s.invites();
            if (invites < 1 || invites > 1000 || invites <= before) {
                problems.add(new FieldProblem(at + "invites", "growth.stage.invites", before + 1));
            }
            before = Math.max(before, invites);
            var kind = s.rewardKind() == null ? "" : s.rewardKind();
            long amount = s.amount() == null ? 0 : s.amount();
            if (!REWARDS.contains(kind)) {
                problems.add(new FieldProblem(at + "rewardKind", "growth.stage.kind", String.join(", ", REWARDS)));
            } else if (kind.equals("points") && (amount < 1 || amount > 1_000_000)) {
                problems.add(new FieldProblem(at + "amount", "growth.stage.amount", 1_000_000));
            } else if (kind.equals("coupon")
                    && (s.couponId() == null || s.couponId().isBlank())) {
                problems.add(new FieldProblem(at + "couponId", "problem.field.required"));
            } else if (kind.equals("gift")
                    && (s.gift() == null || s.gift().isBlank() || s.gift().length() > 60)) {
                problems.add(new FieldProblem(at + "gift", "growth.stage.gift", 60));
            } else if (kind.equals("red_packet")) {
                redPacket(s, at, problems);
            }
            var image = kind.equals("gift")
                            && s.giftImage() != null
                            && !s.giftImage().isBlank()
                    ? s.giftImage().strip()
                    : null;
            if (image != null && (image.length() > 500 || !image.matches("(?i)https?://\\S+"))) {
                problems.add(new FieldProblem(at + "giftImage", "growth.stage.gift-image", 500));
            }
            if (s.stock() != null && s.stock() < 0) {
                problems.add(new FieldProblem(at + "stock", "growth.stage.stock"));
            }
            stages.add(new Campaign.Stage(
                    i + 1,
                    invites,
                    kind,
                    kind.equals("points") || kind.equals("red_packet") ? amount : 0,
                    kind.equals("red_packet") ? s.amountMax() : null,
                    kind.equals("coupon") && s.couponId() != null ? s.couponId().strip() : null,
                    kind.equals("gift") && s.gift() != null ? s.gift().strip() : null,
                    image,
                    s.stock(),
                    0));
        }
        return stages;
    }

    /** A red packet of amount fen, or a random amount in amount..amountMax fen, within what WeChat pays out. */
    private static void redPacket(Campaign.StageInput s, String at, List<FieldProblem> problems) {
        long amount = s.amount() == null ? 0 : s.amount();
        if (amount < RedPackets.MIN_FEN || amount > RedPackets.MAX_FEN) {
            problems.add(new FieldProblem(at + "amount", "growth.stage.red-packet", "0.30", "200.00"));
        } else if (s.amountMax() != null && (s.amountMax() < amount || s.amountMax() > RedPackets.MAX_FEN)) {
            problems.add(new FieldProblem(at + "amountMax", "growth.stage.red-packet-max", "200.00"));
        }
    }

    @Transactional(readOnly = true)
    public Campaign get(long id) {
        var campaign = jdbc.sql(SELECT + " where id = ?")
                .param(id)
                .query(this::row)
                .optional()
                .orElseThrow(() -> DomainException.notFound("campaign", id));
        return complete(List.of(campaign)).getFirst();
    }

    @Transactional(readOnly = true)
    public CursorPage<Campaign> list(PageRequest page) {
        var rows = jdbc.sql(SELECT + " where id < ? order by id desc limit " + page.fetchSize())
                .param(page.before())
                .query(this::row)
                .list();
        return CursorPage.ofDescending(complete(rows), page.limit(), Campaign::id);
    }

    /** A draft starts taking participants; an active campaign ends (no new participants, no new invites). */
    @Transactional
    public Campaign move(long id, String to) {
        var from = to.equals("active") ? "draft" : "active";
        var campaign = get(id);
        if (!campaign.status().equals(from)) {
            throw new DomainException(HttpStatus.CONFLICT, "growth.status", campaign.status());
        }
        jdbc.sql("update campaign set status = ?, updated_at = now() where id = ?")
                .params(to, id)
                .update();
        return get(id);
    }

    /**
     * A customer joins: they get their own live code (made once from the campaign's, found again after), and
     * whoever's code brought them is remembered. Joining again answers the same participant.
     */
    @Transactional
    public Campaign.Participant join(long campaignId, long customerId) {
        var campaign = get(campaignId);
        var now = clock.instant();
        if (!campaign.status().equals("active")
                || now.isBefore(campaign.startsAt())
                || !now.isBefore(campaign.endsAt())) {
            throw new DomainException(HttpStatus.CONFLICT, "growth.closed", campaign.status());
        }
        boolean group = campaign.kind().equals("group");
        long code = group
                ? groupCodes
                        .personal(
                                java.util.Objects.requireNonNull(campaign.groupCodeId()),
                                customers.get(customerId).id())
                        .id()
                : codes.personal(java.util.Objects.requireNonNull(campaign.channelCodeId()), customerId)
                        .id();
        var invitedBy = jdbc.sql("""
                        select participant_id from campaign_invite
                        where campaign_id = ? and invitee_id = ? and status <> 'rejected'""")
                .params(campaignId, customerId)
                .query(Long.class)
                .optional()
                .orElse(null);
        jdbc.sql("""
                        insert into campaign_participant (campaign_id, customer_id, code_id, code_kind, invited_by)
                        values (?, ?, ?, ?, ?) on conflict (tenant_id, campaign_id, customer_id) do nothing""")
                .params(campaignId, customerId, code, group ? "group" : "channel", invitedBy)
                .update();
        return participant(campaignId, customerId);
    }

    @Transactional(readOnly = true)
    public Campaign.Participant participant(long campaignId, long customerId) {
        var id = jdbc.sql("select id from campaign_participant where campaign_id = ? and customer_id = ?")
                .params(campaignId, customerId)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> DomainException.notFound("participant", customerId));
        return participants(campaignId, id + 1, 1).getFirst();
    }

    /** A page of participants, most recent first, with their rewards. */
    @Transactional(readOnly = true)
    public CursorPage<Campaign.Participant> participants(long campaignId, PageRequest page) {
        get(campaignId);
        return CursorPage.ofDescending(
                participants(campaignId, page.before(), page.fetchSize()), page.limit(), Campaign.Participant::id);
    }

    private List<Campaign.Participant> participants(long campaignId, long before, int limit) {
        var rows = jdbc.sql("""
                        select id, campaign_id, customer_id, code_id, invited_by, counted, joined_at, code_kind
                        from campaign_participant where campaign_id = ? and id < ? order by id desc limit ?""")
                .params(campaignId, before, limit)
                .query((rs, n) -> new Object[] {
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getLong(3),
                    rs.getLong(4),
                    rs.getObject(5, Long.class),
                    rs.getInt(6),
                    rs.getTimestamp(7).toInstant(),
                    rs.getString(8)
                })
                .list();
        var rewards = new HashMap<Long, List<Campaign.Reward>>();
        if (!rows.isEmpty()) {
            jdbc.sql(
                            "select participant_id, stage, status, at from campaign_reward where participant_id = any(?::bigint[])"
                                    + " order by stage")
                    .param(rows.stream().map(r -> (Long) r[0]).toArray(Long[]::new))
                    .query(rs -> {
                        rewards.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                                .add(new Campaign.Reward(
                                        rs.getInt(2),
                                        rs.getString(3),
                                        rs.getTimestamp(4).toInstant()));
                    });
        }
        var names = customers.names(rows.stream().map(r -> (Long) r[2]).toList());
        return rows.stream()
                .map(r -> {
                    String configId;
                    String qrUrl;
                    if (r[7].equals("group")) {
                        var code = groupCodes.find((Long) r[3]);
                        configId = code.map(c -> c.configId()).orElse(null);
                        qrUrl = code.map(c -> c.qrUrl()).orElse(null);
                    } else {
                        var code = codes.find((Long) r[3]);
                        configId = code.map(c -> c.configId()).orElse(null);
                        qrUrl = code.map(c -> c.qrUrl()).orElse(null);
                    }
                    return new Campaign.Participant(
                            (Long) r[0],
                            (Long) r[1],
                            (Long) r[2],
                            names.get((Long) r[2]),
                            (Long) r[3],
                            configId,
                            qrUrl,
                            (Long) r[4],
                            (Integer) r[5],
                            (Instant) r[6],
                            rewards.getOrDefault((Long) r[0], List.of()));
                })
                .toList();
    }

    /** A participant's invites, most recent first. */
    @Transactional(readOnly = true)
    public List<Campaign.Invite> invites(long campaignId, long participantId) {
        return jdbc.sql("""
                        select invitee_id, status, reason, at, settles_at, settled_at from campaign_invite
                        where campaign_id = ? and participant_id = ? order by at desc limit 1000""")
                .params(campaignId, participantId)
                .query((rs, n) -> new Campaign.Invite(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()))
                .list();
    }

    /** The campaigns with their stages and counts, read for all of them at once. */
    private List<Campaign> complete(List<Campaign> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        var ids = rows.stream().map(Campaign::id).toArray(Long[]::new);
        var stages = new HashMap<Long, List<Campaign.Stage>>();
        jdbc.sql("""
                        select campaign_id, stage, invites, reward_kind, amount, coupon_id, gift, gift_image, stock,
                               granted, amount_max
                        from campaign_stage where campaign_id = any(?::bigint[]) order by campaign_id, stage""").param(ids).query(rs -> {
            stages.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                    .add(new Campaign.Stage(
                            rs.getInt(2),
                            rs.getInt(3),
                            rs.getString(4),
                            rs.getLong(5),
                            rs.getObject(11, Long.class),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8),
                            rs.getObject(9, Integer.class),
                            rs.getInt(10)));
        });
        var counts = new HashMap<Long, Map<String, Long>>();
        for (var id : ids) {
            var zero = new LinkedHashMap<String, Long>();
            for (var key : List.of("participants", "held", "review", "counted", "rejected")) {
                zero.put(key, 0L);
            }
            counts.put(id, zero);
        }
        jdbc.sql("select campaign_id, count(*) from campaign_participant where campaign_id = any(?::bigint[])"
                        + " group by 1")
                .param(ids)
                .query(rs -> {
                    counts.get(rs.getLong(1)).put("participants", rs.getLong(2));
                });
        jdbc.sql("select campaign_id, status, count(*) from campaign_invite where campaign_id = any(?::bigint[])"
                        + " group by 1, 2")
                .param(ids)
                .query(rs -> {
                    counts.get(rs.getLong(1)).put(rs.getString(2), rs.getLong(3));
                });
        var budgets = redPackets.budgets(List.of(ids));
        return rows.stream()
                .map(c -> new Campaign(
                        c.id(),
                        c.kind(),
                        c.name(),
                        c.description(),
                        c.appId(),
                        c.channelCodeId(),
                        c.groupCodeId(),
                        c.status(),
                        c.startsAt(),
                        c.endsAt(),
                        c.holdHours(),
                        c.newOnly(),
                        c.burstPerMinute(),
                        stages.getOrDefault(c.id(), List.of()),
                        counts.get(c.id()),
                        budgets.get(c.id()),
                        c.createdBy(),
                        c.createdAt(),
                        c.messages()))
                .toList();
    }

    private Campaign row(ResultSet rs, int n) throws SQLException {
        return new Campaign(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getLong(5),
                rs.getObject(6, Long.class),
                rs.getObject(7, Long.class),
                rs.getString(8),
                rs.getTimestamp(9).toInstant(),
                rs.getTimestamp(10).toInstant(),
                rs.getInt(11),
                rs.getBoolean(12),
                rs.getInt(13),
                List.of(),
                Map.of(),
                null,
                rs.getString(14),
                rs.getTimestamp(15).toInstant(),
                MessageSettings.read(rs.getString(16)));
    }
}
