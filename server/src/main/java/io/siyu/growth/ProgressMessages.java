package io.siyu.growth;

import io.siyu.access.TenantManagement;
import io.siyu.customer.CustomerDirectory;
import io.siyu.messaging.Outreach;
import io.siyu.shared.DomainException;
import io.siyu.shared.FieldProblem;
import io.siyu.wecom.GroupChats;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Progress messages to participants (进度消息): an invite counted, a stage reached (and, when the campaign wants it,
 * an invite held) notes a message for the participant, in the transaction that decides it. The note waits for
 * {@link #WINDOW}: more invites in it join it, so the participant gets one message with the latest figures, not one
 * per invite (WeCom's monthly quota per customer is precious). Then the text is filled and handed to messaging as a
 * 1:1 send through the staff member the participant belongs to (add_msg_template, chat_type single, which the staff
 * member confirms), under the sending rules and WeCom's quota. Each message has an occasion unique per campaign
 * (the participant's figures, or the stage), so the same news is never sent twice, whoever settles or however
 * often an event is delivered.
 */
@Service
public class ProgressMessages {

    /** How long a participant's note waits for more news before it is sent. */
    static final Duration WINDOW = Duration.ofMinutes(1);

    static final int BATCH = 100;

    private record Due(
            long id,
            long campaign,
            long participant,
            String kind,
            @Nullable Integer stage) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Campaigns campaigns;
    private final CustomerDirectory customers;
    private final TenantManagement tenants;
    private final Outreach outreach;
    private final GroupChats groupChats;
    private final Clock clock;

    ProgressMessages(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            Campaigns campaigns,
            CustomerDirectory customers,
            TenantManagement tenants,
            Outreach outreach,
            GroupChats groupChats,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.campaigns = campaigns;
        this.customers = customers;
        this.tenants = tenants;
        this.outreach = outreach;
        this.groupChats = groupChats;
        this.clock = clock;
    }

    /** The campaign's settings change; answers the campaign. */
    @Transactional
    public Campaign update(long campaignId, Campaign.MessagesInput input) {
        var campaign = campaigns.get(campaignId);
        var problems = new ArrayList<FieldProblem>();
        var settings = MessageSettings.of(input, campaign.messages(), LocaleContextHolder.getLocale(), "", problems);
        if (!problems.isEmpty()) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "problem.invalid-request", problems);
        }
        jdbc.sql("update campaign set messages = ?::jsonb, updated_at = now() where id = ?")
                .params(MessageSettings.write(settings), campaignId)
                .update();
        return campaigns.get(campaignId);
    }

    /**
     * The campaign's messages, most recent first (at most 200), a participant's only when {@code participantId} is
     * given, each with what became of it in WeCom.
     */
    @Transactional(readOnly = true)
    public List<Campaign.Message> sent(long campaignId, @Nullable Long participantId) {
        campaigns.get(campaignId);
        var rows = jdbc.sql("""
                        select m.id, m.participant_id, m.chat_id, m.kind, m.stage, m.status, m.text, m.send_id,
                               m.created_at, m.sent_at, p.customer_id
                        from campaign_message m left join campaign_participant p on p.id = m.participant_id
                        where m.campaign_id = ? and (?::bigint is null or m.participant_id = ?)
                        order by m.id desc limit 200""")
                .params(campaignId, participantId, participantId)
                .query((rs, n) -> new Row(
                        rs.getLong(1),
                        rs.getObject(2, Long.class),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getObject(5, Integer.class),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getObject(8, Long.class),
                        rs.getTimestamp(9).toInstant(),
                        rs.getTimestamp(10) == null ? null : rs.getTimestamp(10).toInstant(),
                        rs.getObject(11, Long.class)))
                .list();
        var statuses = outreach.statuses(
                rows.stream().map(Row::send).filter(Objects::nonNull).toList());
        var groupNames = groupChats.names(rows.stream()
                .map(Row::chatId)
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        var participantNames = customers.names(
                rows.stream().map(Row::customer).filter(Objects::nonNull).toList());
        return rows.stream()
                .map(r -> {
                    var name = r.customer() == null ? null : participantNames.get(r.customer());
                    return new Campaign.Message(
                            r.id(),
                            r.participantId(),
                            name == null || name.isBlank() ? null : name,
                            r.chatId(),
                            r.chatId() == null ? null : groupNames.get(r.chatId()),
                            r.kind(),
                            r.stage(),
                            r.status(),
                            r.send() == null ? null : statuses.get(r.send()),
                            r.text(),
                            r.at(),
                            r.sentAt());
                })
                .toList();
    }

    private record Row(
            long id,
            @Nullable Long participantId,
            @Nullable String chatId,
            String kind,
            @Nullable Integer stage,
            String status,
            @Nullable String text,
            @Nullable Long send,
            Instant at,
            @Nullable Instant sentAt,
            @Nullable Long customer) {}

    /**
     * Notes news for a participant in the caller's transaction: {@code kind} progress (an invite counted, or held
     * when {@code held}) or stage (stage {@code stage} reached). Nothing when the campaign sends no messages (or none
     * for held invites); joins the participant's waiting note when there is one.
     */
    void noted(long campaign, long participant, String kind, @Nullable Integer stage, boolean held) {
        jdbc.sql("""
                        insert into campaign_message (campaign_id, participant_id, kind, stage, status, due_at)
                        select c.id, ?, ?, ?, 'pending', ? from campaign c
                        where c.id = ? and coalesce((c.messages ->> 'enabled')::boolean, false)
                          and (not ? or coalesce((c.messages ->> 'onHeld')::boolean, false))
                        on conflict (tenant_id, participant_id) where status = 'pending'
                        do update set kind = case when excluded.kind = 'stage' then 'stage'
                                                  else campaign_message.kind end,
                                      stage = greatest(campaign_message.stage, excluded.stage)""")
                .params(participant, kind, stage, Timestamp.from(clock.instant().plus(WINDOW)), campaign, held)
                .update();
    }

    /** Sends the notes whose window has passed, a batch a transaction; answers how many were settled. */
    int round() {
        int done = 0;
        int batch;
        do {
            batch = Objects.requireNonNull(transactions.execute(s -> batch()));
            done += batch;
        } while (batch == BATCH);
        return done;
    }

    private int batch() {
        var due = jdbc.sql("""
                        select id, campaign_id, participant_id, kind, stage from campaign_message
                        where status = 'pending' and due_at <= ? order by due_at limit ? for update skip locked""")
                .params(Timestamp.from(clock.instant()), BATCH)
                .query((rs, n) -> new Due(
                        rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getObject(5, Integer.class)))
                .list();
        var zone = ZoneId.of(tenants.current().timeZone());
        due.forEach(m -> send(m, zone));
        return due.size();
    }

    /** Fills the note's text with the participant's figures now and hands it over, unless it says nothing new. */
    private void send(Due m, ZoneId zone) {
        var campaign = campaigns.get(m.campaign());
        var settings = campaign.messages();
        var figures = jdbc.sql("""
                        select p.customer_id, p.counted,
                               (select count(*) from campaign_invite i
                                where i.participant_id = p.id and i.status in ('held', 'review'))
                        from campaign_participant p where p.id = ?""")
                .param(m.participant())
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})
                .single();
        int counted = (int) figures[1];
        var next = campaign.stages().stream().filter(s -> s.invites() > counted).findFirst();
        boolean stage = m.kind().equals("stage") && m.stage() != null;
        var occasion = stage
                ? "p" + m.participant() + ":stage:" + m.stage()
                : "p" + m.participant() + ":progress:" + counted + ":" + figures[2];
        if (settings == null || !settings.enabled() || (!stage && next.isEmpty()) || said(m.campaign(), occasion)) {
            jdbc.sql("update campaign_message set status = 'skipped' where id = ?")
                    .param(m.id())
                    .update();
            return;
        }
        var rewarded = stage ? campaign.stages().get(m.stage() - 1) : next.orElseThrow();
        var language = settings.language();
        var values = new HashMap<String, String>();
        values.put("name", name(figures[0], language));
        values.put("counted", String.valueOf(counted));
        values.put("held", String.valueOf(figures[2]));
        values.put("next", String.valueOf(next.map(Campaign.Stage::invites).orElse(rewarded.invites())));
        values.put(
                "remaining", String.valueOf(next.map(s -> s.invites() - counted).orElse(0)));
        values.put("reward", ProgressTemplates.reward(rewarded, language));
        values.put("stage", String.valueOf(rewarded.stage()));
        values.put("deadline", ProgressTemplates.deadline(campaign.endsAt(), zone, language));
        values.put("campaign", campaign.name());
        var text = ProgressTemplates.render(stage ? settings.stage() : settings.progress(), values);
        long send = outreach.send(
                Outreach.GROWTH,
                campaign.appId(),
                campaign.name(),
                "campaign:" + campaign.id(),
                List.of(figures[0]),
                text,
                List.of(),
                "high");
        jdbc.sql("""
                        update campaign_message set status = 'sent', occasion = ?, text = ?, send_id = ?, sent_at = ?
                        where id = ?""")
                .params(occasion, text, send, Timestamp.from(clock.instant()), m.id())
                .update();
    }

    private boolean said(long campaign, String occasion) {
        return jdbc.sql("select exists (select 1 from campaign_message where campaign_id = ? and occasion = ?)")
                .params(campaign, occasion)
                .query(Boolean.class)
                .single();
    }

    private String name(long customer, String language) {
        var found = customers.summaries(List.of(customer));
        var name = found.isEmpty() ? "" : found.getFirst().name();
        return name == null || name.isBlank() ? (language.equals("en") ? "Hi" : "你好") : name;
    }
}
