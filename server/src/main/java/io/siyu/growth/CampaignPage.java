package io.siyu.growth;

import io.siyu.access.CustomerLinks;
import io.siyu.customer.CustomerDirectory;
import io.siyu.shared.DomainException;
import io.siyu.shared.QrImages;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A participant's own progress page (H5), reached through a customer link for the purpose {@value #PURPOSE}: the
 * campaign, their poster, how far they are to the next stage, their friends (names masked) and their gifts, whose
 * address they write here like an operator would ({@link GiftRewards#address}: same checks, same idempotency).
 * Opening the page and writing an address note the device and address it came from ({@link CampaignRepeats}).
 *
 * <p>The link speaks for the customer; the campaign is in the path, and a customer sees only a campaign they
 * take part in. Once the campaign is over the page refuses, unless a gift of theirs is still on its way.
 */
@Service
public class CampaignPage {

    /** The customer-link purpose of the progress page, also the path under {@code /api/h5/v1/}. */
    public static final String PURPOSE = "campaign";

    /** A link works until this long after the campaign ends: time to write a gift's address. */
    static final Duration AFTER_END = Duration.ofDays(30);

    static final int FRIENDS = 100;
    private static final Pattern DEVICE = Pattern.compile("[A-Za-z0-9-]{8,64}");

    /** A progress page link for staff to send: the address, when it stops working, and its QR as a PNG data URL. */
    public record Link(String url, Instant expiresAt, String qr) {}

    /**
     * Where the page was opened: the page's own device id (kept in the browser, null when it sent none), the user
     * agent, and the client's address (see the web layer for proxies).
     */
    public record Visit(
            @Nullable String deviceId,
            @Nullable String userAgent,
            @Nullable String ip) {}

    /**
     * The participant's progress.
     *
     * @param ended the campaign is over (the page then only shows gifts still on their way)
     * @param now the server's time, for the countdown to {@code endsAt}
     * @param pending friends who added and are not counted yet (waiting out the hold, or being checked)
     * @param next the next stage not reached yet (null: all reached)
     */
    public record Progress(
            long campaignId,
            String name,
            @Nullable String description,
            boolean ended,
            Instant endsAt,
            Instant now,
            int counted,
            int pending,
            @Nullable Next next,
            List<StageView> stages,
            List<Friend> friends,
            List<Gift> gifts) {}

    /** The next stage: at {@code invites} counted, {@code needed} more to go. */
    public record Next(int stage, int invites, int needed) {}

    /**
     * A stage as the participant sees it.
     *
     * @param status locked (not reached), reached (being granted), granted, out_of_stock (reached after the stock
     *     ran out), cancelled (a gift not shipped after all)
     * @param soldOut no stock left for whoever reaches it next
     */
    public record StageView(
            int stage,
            int invites,
            String rewardKind,
            long amount,
            @Nullable String gift,
            @Nullable String giftImage,
            String status,
            boolean soldOut) {}

    /** A friend who added through the participant's code: held (not counted yet), counted or rejected. */
    public record Friend(@Nullable String name, String status, Instant at) {}

    /** A gift of the participant's: its status, where it goes and how it travels. */
    public record Gift(
            long id,
            int stage,
            String gift,
            String status,
            GiftReward.@Nullable Address address,
            @Nullable String carrier,
            @Nullable String trackingNo) {}

    private final JdbcClient jdbc;
    private final Campaigns campaigns;
    private final GiftRewards gifts;
    private final CampaignPosters posters;
    private final CampaignRepeats repeats;
    private final CustomerDirectory customers;
    private final CustomerLinks links;
    private final Clock clock;
    private final URI publicUrl;
    private final TransactionTemplate transactions;

    CampaignPage(
            JdbcClient jdbc,
            Campaigns campaigns,
            GiftRewards gifts,
            CampaignPosters posters,
            CampaignRepeats repeats,
            CustomerDirectory customers,
            CustomerLinks links,
            Clock clock,
            TransactionTemplate transactions,
            @Value("${siyu.public-url:http://localhost:8080}") URI publicUrl) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.gifts = gifts;
        this.posters = posters;
        this.repeats = repeats;
        this.customers = customers;
        this.links = links;
        this.clock = clock;
        this.publicUrl = publicUrl;
    }

    /** A new link to a participant's progress page, working until 30 days after the campaign ends. */
    @Transactional
    public Link link(long campaignId, long participantId) {
        var campaign = campaigns.get(campaignId);
        long customer = jdbc.sql("select customer_id from campaign_participant where campaign_id = ? and id = ?")
                .params(campaignId, participantId)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> DomainException.notFound("participant", participantId));
        var until = campaign.endsAt().plus(AFTER_END);
        var validFor = Duration.between(clock.instant(), until);
        var link = links.issue(
                customer, PURPOSE, validFor.compareTo(Duration.ofDays(1)) < 0 ? Duration.ofDays(1) : validFor);
        var url =
                publicUrl.toString().replaceAll("/+$", "") + "/h5/" + PURPOSE + "?c=" + campaignId + "#" + link.token();
        return new Link(url, link.expiresAt(), QrImages.dataUrl(url));
    }

    /** The participant's progress; the visit is noted for the campaign's device and address limits. */
    @Transactional
    public Progress progress(long customerId, long campaignId, Visit visit) {
        var campaign = campaigns.get(campaignId);
        long participant = open(campaign, customerId);
        seen(campaignId, participant, visit);
        var p = campaigns.participant(campaignId, customerId);
        var rewards = new HashMap<Integer, String>();
        p.rewards().forEach(r -> rewards.put(r.stage(), r.status()));
        var stages = campaign.stages().stream()
                .map(s -> new StageView(
                        s.stage(),
                        s.invites(),
                        s.rewardKind(),
                        s.amount(),
                        s.gift(),
                        s.giftImage(),
                        rewards.getOrDefault(s.stage(), p.counted() >= s.invites() ? "reached" : "locked"),
                        s.stock() != null && s.granted() >= s.stock()))
                .toList();
        var next = campaign.stages().stream()
                .filter(s -> s.invites() > p.counted())
                .findFirst()
                .map(s -> new Next(s.stage(), s.invites(), s.invites() - p.counted()))
                .orElse(null);
        var invites = campaigns.invites(campaignId, participant);
        var names = customers.names(
                invites.stream().limit(FRIENDS).map(Campaign.Invite::inviteeId).toList());
        var friends = invites.stream()
                .limit(FRIENDS)
                .map(i -> new Friend(
                        masked(names.get(i.inviteeId())), i.status().equals("review") ? "held" : i.status(), i.at()))
                .toList();
        int pending = (int) invites.stream()
                .filter(i -> i.status().equals("held") || i.status().equals("review"))
                .count();
        return new Progress(
                campaignId,
                campaign.name(),
                campaign.description(),
                ended(campaign),
                campaign.endsAt(),
                clock.instant(),
                p.counted(),
                pending,
                next,
                stages,
                friends,
                gifts(campaignId, participant));
    }

    /** The participant's poster, while the campaign runs; drawn outside a transaction (see CampaignPosters). */
    public byte[] poster(long customerId, long campaignId) {
        long participant = Objects.requireNonNull(transactions.execute(t -> {
            var campaign = campaigns.get(campaignId);
            long id = open(campaign, customerId);
            if (ended(campaign)) {
                throw ended(campaign.name());
            }
            return id;
        }));
        return posters.poster(campaignId, participant);
    }

    /**
     * Where a gift of the participant's goes, as {@link GiftRewards#address}: checked the same, the same address
     * again answers the gift as it is, and it may change until the gift ships.
     */
    @Transactional
    public Gift address(long customerId, long campaignId, long giftId, GiftReward.AddressInput input, Visit visit) {
        var campaign = campaigns.get(campaignId);
        long participant = open(campaign, customerId);
        if (gifts.get(campaignId, giftId).participantId() != participant) {
            throw DomainException.notFound("gift-reward", giftId);
        }
        seen(campaignId, participant, visit);
        return gift(gifts.address(campaignId, giftId, input));
    }

    /** The participant's id, if the campaign is one the customer takes part in and its page is still open. */
    private long open(Campaign campaign, long customerId) {
        long participant = jdbc.sql("select id from campaign_participant where campaign_id = ? and customer_id = ?")
                .params(campaign.id(), customerId)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new DomainException(HttpStatus.NOT_FOUND, "growth.page.not-participant"));
        if (ended(campaign)
                && !jdbc.sql("""
                                select exists (select 1 from campaign_gift where participant_id = ?
                                               and status in ('awaiting_address', 'to_ship', 'shipped'))""").param(participant).query(Boolean.class).single()) {
            throw ended(campaign.name());
        }
        return participant;
    }

    private boolean ended(Campaign campaign) {
        return !campaign.status().equals("active") || !clock.instant().isBefore(campaign.endsAt());
    }

    private static DomainException ended(String name) {
        return new DomainException(HttpStatus.GONE, "growth.page.ended", name);
    }

    private void seen(long campaign, long participant, Visit visit) {
        String device = null;
        if (visit.deviceId() != null) {
            if (!DEVICE.matcher(visit.deviceId()).matches()) {
                throw DomainException.invalid("device", "growth.page.device", 64);
            }
            device = CampaignRepeats.device(visit.deviceId(), visit.userAgent());
        }
        var ip = visit.ip() == null || visit.ip().length() > 64 ? null : visit.ip();
        repeats.seen(campaign, participant, device, ip);
    }

    private List<Gift> gifts(long campaign, long participant) {
        return jdbc
                .sql("select id from campaign_gift where participant_id = ? order by stage")
                .param(participant)
                .query(Long.class)
                .list()
                .stream()
                .map(id -> gift(gifts.get(campaign, id)))
                .toList();
    }

    private static Gift gift(GiftReward g) {
        return new Gift(g.id(), g.stage(), g.gift(), g.status(), g.address(), g.carrier(), g.trackingNo());
    }

    /** A friend's name as the participant sees it: the first character, the rest starred (at most three). */
    static @Nullable String masked(@Nullable String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        var trimmed = name.strip();
        int rest = trimmed.codePointCount(0, trimmed.length()) - 1;
        if (rest == 0) {
            return "*";
        }
        return trimmed.substring(0, trimmed.offsetByCodePoints(0, 1)) + "*".repeat(Math.min(rest, 3));
    }
}
