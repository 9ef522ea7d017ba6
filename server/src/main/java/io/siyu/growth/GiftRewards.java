package io.siyu.growth;

import static io.siyu.growth.GiftReward.AWAITING_ADDRESS;
import static io.siyu.growth.GiftReward.CANCELLED;
import static io.siyu.growth.GiftReward.RECEIVED;
import static io.siyu.growth.GiftReward.SHIPPED;
import static io.siyu.growth.GiftReward.TO_SHIP;

import io.siyu.customer.CustomerDirectory;
import io.siyu.shared.CursorPage;
import io.siyu.shared.DomainException;
import io.siyu.shared.PageRequest;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Physical gifts on their way to participants: granted with the stage's reward (awaiting an address), addressed
 * by the participant's client or an operator, shipped, received; or cancelled before shipping, which gives the
 * stage its stock back. Each change locks the gift's row, so a retried or concurrent call finds it done and
 * answers it as it is: writing the same address again, or shipping again with the same tracking number, is not
 * an error.
 */
@Service
public class GiftRewards {

    static final List<String> STATUSES = List.of(AWAITING_ADDRESS, TO_SHIP, SHIPPED, RECEIVED, CANCELLED);

    private final JdbcClient jdbc;
    private final GiftRows rows;
    private final CustomerDirectory customers;
    private final Clock clock;

    GiftRewards(JdbcClient jdbc, CustomerDirectory customers, Clock clock) {
        this.jdbc = jdbc;
        this.rows = new GiftRows(jdbc);
        this.customers = customers;
        this.clock = clock;
    }

    /** In the granting transaction: the gift for a reward just granted, awaiting its address; once per reward. */
    void grant(long campaign, long participant, int stage, long customer, String gift) {
        jdbc.sql("""
                        insert into campaign_gift (campaign_id, participant_id, stage, customer_id, gift, granted_at)
                        values (?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(campaign, participant, stage, customer, gift, Timestamp.from(clock.instant()))
                .update();
    }

    /** A campaign's gifts, newest first; only those in {@code status} when given. */
    @Transactional(readOnly = true)
    public CursorPage<GiftReward> list(long campaignId, @Nullable String status, PageRequest page) {
        var found = rows.page(campaignId, checked(status), page.before(), page.fetchSize());
        return CursorPage.ofDescending(named(found), page.limit(), GiftReward::id);
    }

    /** Every gift of a campaign in {@code status}, oldest first, for the warehouse. */
    @Transactional(readOnly = true)
    public List<GiftReward> all(long campaignId, @Nullable String status) {
        return named(rows.all(campaignId, checked(status)));
    }

    @Transactional(readOnly = true)
    public GiftReward get(long campaignId, long id) {
        return named(List.of(rows.find(campaignId, id, false))).getFirst();
    }

    /**
     * Where the gift goes: it is then to ship; the address can change until it has shipped. The same address again
     * after it shipped is a retry and answers the gift; a cancelled gift takes none.
     */
    @Transactional
    public GiftReward address(long campaignId, long id, GiftReward.AddressInput input) {
        var address = GiftAddresses.address(input);
        var gift = rows.find(campaignId, id, true);
        if (!Set.of(AWAITING_ADDRESS, TO_SHIP).contains(gift.status())) {
            if (!gift.status().equals(CANCELLED) && address.equals(gift.address())) {
                return get(campaignId, id);
            }
            throw conflict("growth.gift.address-locked");
        }
        rows.address(id, address, clock.instant());
        return get(campaignId, id);
    }

    @Transactional
    public GiftReward ship(long campaignId, long id, GiftReward.Shipment input) {
        var shipment = GiftAddresses.shipment(input);
        var gift = rows.find(campaignId, id, true);
        if (gift.status().equals(SHIPPED)
                && Objects.equals(gift.carrier(), shipment.carrier())
                && Objects.equals(gift.trackingNo(), shipment.trackingNo())) {
            return get(campaignId, id);
        }
        if (!gift.status().equals(TO_SHIP)) {
            throw conflict("growth.gift.ship-state");
        }
        rows.move(id, SHIPPED, clock.instant(), shipment);
        return get(campaignId, id);
    }

    @Transactional
    public GiftReward receive(long campaignId, long id) {
        var gift = rows.find(campaignId, id, true);
        if (gift.status().equals(SHIPPED)) {
            rows.move(id, RECEIVED, clock.instant(), null);
        } else if (!gift.status().equals(RECEIVED)) {
            throw conflict("growth.gift.receive-state");
        }
        return get(campaignId, id);
    }

    /** Not shipping after all: the reward is cancelled and the stage's stock gets the gift back, once. */
    @Transactional
    public GiftReward cancel(long campaignId, long id) {
        var gift = rows.find(campaignId, id, true);
        if (Set.of(AWAITING_ADDRESS, TO_SHIP).contains(gift.status())) {
            rows.move(id, CANCELLED, clock.instant(), null);
            jdbc.sql("""
                            update campaign_reward set status = 'cancelled'
                            where campaign_id = ? and participant_id = ? and stage = ?""").params(campaignId, gift.participantId(), gift.stage()).update();
            jdbc.sql("update campaign_stage set granted = granted - 1 where campaign_id = ? and stage = ?")
                    .params(campaignId, gift.stage())
                    .update();
        } else if (!gift.status().equals(CANCELLED)) {
            throw conflict("growth.gift.cancel-state");
        }
        return get(campaignId, id);
    }

    private static @Nullable String checked(@Nullable String status) {
        if (status != null && !status.isBlank() && !STATUSES.contains(status)) {
            throw DomainException.invalid("status", "growth.gift.status", String.join(", ", STATUSES));
        }
        return status == null || status.isBlank() ? null : status;
    }

    private static DomainException conflict(String key) {
        return new DomainException(HttpStatus.CONFLICT, key);
    }

    private List<GiftReward> named(List<GiftReward> gifts) {
        var names = customers.names(gifts.stream().map(GiftReward::customerId).toList());
        return gifts.stream().map(g -> g.named(names.get(g.customerId()))).toList();
    }
}
