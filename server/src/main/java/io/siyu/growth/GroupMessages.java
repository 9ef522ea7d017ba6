package io.siyu.growth;

import io.siyu.access.TenantManagement;
import io.siyu.customer.CustomerDirectory;
import io.siyu.messaging.MassSendInput;
import io.siyu.messaging.Outreach;
import io.siyu.wecom.GroupCode;
import io.siyu.wecom.GroupCodes;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The task in the group (社群裂变): a running group campaign announces its task in each group of its group live
 * code, once per group (a group the code gains later is told when it appears), and, from the digest hour on, tells
 * each group the day's top inviters, at most once a day. Each is a group send through the group's owner
 * (add_msg_template, chat_type group) recorded under an occasion unique per campaign — (group, announce) or (group,
 * digest, day) — in the transaction that makes the send, so a group hears each once.
 */
@Component
class GroupMessages {

    /** Inviters a digest names. */
    static final int TOP = 5;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Campaigns campaigns;
    private final GroupCodes groupCodes;
    private final CustomerDirectory customers;
    private final TenantManagement tenants;
    private final Outreach outreach;
    private final Clock clock;

    GroupMessages(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            Campaigns campaigns,
            GroupCodes groupCodes,
            CustomerDirectory customers,
            TenantManagement tenants,
            Outreach outreach,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.campaigns = campaigns;
        this.groupCodes = groupCodes;
        this.customers = customers;
        this.tenants = tenants;
        this.outreach = outreach;
        this.clock = clock;
    }

    /** Announces and digests what is due in the bound tenant now; answers how many group messages were made. */
    int round() {
        return round(clock.instant());
    }

    int round(Instant now) {
        var running = Objects.requireNonNull(transactions.execute(s -> jdbc.sql("""
                        select id from campaign where kind = 'group' and status = 'active' and starts_at <= ?
                          and ends_at > ? and messages is not null order by id""")
                .params(Timestamp.from(now), Timestamp.from(now))
                .query(Long.class)
                .list()));
        int made = 0;
        for (long id : running) {
            made += Objects.requireNonNull(transactions.execute(s -> campaign(id, now)));
        }
        return made;
    }

    private int campaign(long id, Instant now) {
        var campaign = campaigns.get(id);
        var settings = Objects.requireNonNull(campaign.messages());
        var chats = groupCodes
                .find(Objects.requireNonNull(campaign.groupCodeId()))
                .map(GroupCode::groups)
                .orElse(List.of());
        int made = 0;
        if (settings.announce()) {
            var text = announcement(campaign, settings);
            for (var chat : unsaid(id, chats, ":announce")) {
                made += send(campaign, chat, "announce", chat + ":announce", text);
            }
        }
        var zone = ZoneId.of(tenants.current().timeZone());
        var local = now.atZone(zone);
        if (settings.digest() && local.getHour() >= settings.digestHour()) {
            var day = local.toLocalDate();
            var missing = unsaid(id, chats, ":digest:" + day);
            var text = missing.isEmpty() ? null : digest(campaign, settings, day, zone);
            for (var chat : text == null ? List.<String>of() : missing) {
                made += send(campaign, chat, "digest", chat + ":digest:" + day, text);
            }
        }
        return made;
    }

    /** The groups that have not had the message with this occasion suffix. */
    private List<String> unsaid(long campaign, List<String> chats, String suffix) {
        if (chats.isEmpty()) {
            return chats;
        }
        var said = new HashSet<>(jdbc.sql("select occasion from campaign_message where campaign_id = ?"
                        + " and occasion = any(?::text[])")
                .params(campaign, chats.stream().map(c -> "g:" + c + suffix).toArray(String[]::new))
                .query(String.class)
                .list());
        return chats.stream().filter(c -> !said.contains("g:" + c + suffix)).toList();
    }

    /** Records the group's message under its occasion and makes the send; answers 1 when this call made it. */
    private int send(Campaign campaign, String chat, String kind, String occasion, String text) {
        var id = jdbc.sql("""
                        insert into campaign_message (campaign_id, chat_id, kind, status, occasion, text, sent_at)
                        values (?, ?, ?, 'sent', ?, ?, now()) on conflict do nothing returning id""")
                .params(campaign.id(), chat, kind, "g:" + occasion, text)
                .query(Long.class)
                .optional();
        if (id.isEmpty()) {
            return 0;
        }
        var send = outreach.sendToGroups(
                Outreach.GROWTH,
                new MassSendInput(
                        campaign.appId(),
                        campaign.name(),
                        "group",
                        new MassSendInput.Audience(null, null, null, List.of(chat)),
                        List.of(),
                        text,
                        List.of(),
                        null,
                        null),
                "campaign:" + campaign.id(),
                "growth:" + campaign.id() + ":g:" + occasion);
        jdbc.sql("update campaign_message set send_id = ? where id = ?")
                .params(send, id.get())
                .update();
        return 1;
    }

    private String announcement(Campaign campaign, Campaign.Messages settings) {
        var values = new HashMap<String, String>();
        var first = campaign.stages().isEmpty() ? null : campaign.stages().getFirst();
        values.put("campaign", campaign.name());
        values.put("next", first == null ? "" : String.valueOf(first.invites()));
        values.put("reward", first == null ? "" : ProgressTemplates.reward(first, settings.language()));
        values.put(
                "deadline",
                ProgressTemplates.deadline(
                        campaign.endsAt(), ZoneId.of(tenants.current().timeZone()), settings.language()));
        values.put("link", settings.link() == null ? "" : settings.link());
        return ProgressTemplates.render(settings.announcement(), values);
    }

    /** The day's top inviters (invites that arrived that day and were not rejected); null when there were none. */
    private @org.jspecify.annotations.Nullable String digest(
            Campaign campaign, Campaign.Messages settings, LocalDate day, ZoneId zone) {
        var top = jdbc.sql("""
                        select p.customer_id, count(*) from campaign_invite i
                        join campaign_participant p on p.id = i.participant_id
                        where i.campaign_id = ? and i.at >= ? and i.at < ? and i.status <> 'rejected'
                        group by p.customer_id order by count(*) desc, min(i.at) limit ?""")
                .params(
                        campaign.id(),
                        Timestamp.from(day.atStartOfDay(zone).toInstant()),
                        Timestamp.from(day.plusDays(1).atStartOfDay(zone).toInstant()),
                        TOP)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .list();
        if (top.isEmpty()) {
            return null;
        }
        var names = customers.names(top.stream().map(t -> t[0]).toList());
        var language = settings.language();
        var text =
                new StringBuilder(ProgressTemplates.standard(language, "digest").replace("{0}", campaign.name()));
        for (int i = 0; i < top.size(); i++) {
            text.append('\n')
                    .append(ProgressTemplates.standard(language, "digestLine")
                            .replace("{0}", String.valueOf(i + 1))
                            // the group sees the board: names masked as on the participants' own pages
                            .replace(
                                    "{1}",
                                    Objects.requireNonNullElse(CampaignPage.masked(names.get(top.get(i)[0])), "***"))
                            .replace("{2}", String.valueOf(top.get(i)[1])));
        }
        return text.append('\n')
                .append(ProgressTemplates.standard(language, "digestEnd"))
                .toString();
    }
}
