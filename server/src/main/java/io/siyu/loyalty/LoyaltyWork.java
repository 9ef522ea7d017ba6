package io.siyu.loyalty;

import io.siyu.access.PerTenant;
import io.siyu.access.TenantManagement;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every minute, for every tenant: expire points lots, coupons and paid card periods whose time has come, a member at a time (each
 * in its own transaction under the member's lock, so a crash leaves each member either expired or not); once a
 * day, reconcile the ledger and keep the report, grant members born today their tier's birthday points, and
 * (after 03:00 in the tenant's zone) review tiers kept over a growth window.
 */
@Component
class LoyaltyWork extends io.siyu.shared.BackgroundWork {

    private static final Logger log = LoggerFactory.getLogger(LoyaltyWork.class);
    static final int BATCH = 500;

    private final TenantManagement tenants;
    private final Points points;
    private final Coupons coupons;
    private final TransactionTemplate transactions;
    private final Care care;
    private final TierReview tierReview;
    private final TierDropWarnings tierDropWarnings;
    private final TierCoupons tierCoupons;
    private final Anniversaries anniversaries;
    private final CardExpiry cards;
    /** The day each tenant's tiers were last reviewed (the keys make a repeat harmless; this saves the query). */
    private final java.util.Map<io.siyu.shared.TenantId, java.time.LocalDate> reviewsDone =
            new java.util.concurrent.ConcurrentHashMap<>();
    /** The day each tenant's birthdays were last granted (the keys make a repeat harmless; this saves the query). */
    private final java.util.Map<io.siyu.shared.TenantId, java.time.LocalDate> birthdaysDone =
            new java.util.concurrent.ConcurrentHashMap<>();

    LoyaltyWork(
            TenantManagement tenants,
            Points points,
            Coupons coupons,
            TransactionTemplate transactions,
            Care care,
            TierReview tierReview,
            TierDropWarnings tierDropWarnings,
            TierCoupons tierCoupons,
            Anniversaries anniversaries,
            CardExpiry cards) {
        super("loyalty", Duration.ofMinutes(1));
        this.tenants = tenants;
        this.points = points;
        this.coupons = coupons;
        this.transactions = transactions;
        this.care = care;
        this.tierReview = tierReview;
        this.tierDropWarnings = tierDropWarnings;
        this.tierCoupons = tierCoupons;
        this.anniversaries = anniversaries;
        this.cards = cards;
    }

    @Override
    protected void round() {
        PerTenant.round(tenants, worker(), log, "loyalty expiry", this::expire);
        PerTenant.round(tenants, worker(), log, "loyalty reconciliation", this::reconcileDaily);
        PerTenant.round(tenants, worker(), log, "loyalty birthdays", this::birthdays);
        PerTenant.round(tenants, worker(), log, "loyalty tier review", this::reviewTiers);
    }

    /**
     * Once a day per tenant, after 03:00 in its zone: drop members below their tier's keep threshold, then warn
     * those who would drop within 7 days.
     */
    int reviewTiers() {
        var tenant = io.siyu.shared.Tenancy.required();
        var day = tierReview.due();
        if (day.isEmpty() || day.get().equals(reviewsDone.get(tenant))) {
            return 0;
        }
        int moved = tierReview.review(day.get()) + tierDropWarnings.warn();
        reviewsDone.put(tenant, day.get());
        return moved;
    }

    /** Once a day per tenant: reconcile the ledger, keep the report, and say so loudly when it is not whole. */
    int reconcileDaily() {
        var last = transactions.execute(s -> points.lastReconciled());
        if (last != null
                && last.isPresent()
                && last.get().isAfter(java.time.Instant.now().minus(Duration.ofDays(1)))) {
            return 0;
        }
        var report = transactions.execute(s -> points.reconcileAndKeep());
        if (report != null && !report.whole()) {
            log.error(
                    "the points ledger does not reconcile: balance {}, entries {}, lots {}, {} members differ",
                    report.balance(),
                    report.entries(),
                    report.lots(),
                    report.mismatches().size());
        }
        return 1;
    }

    /**
     * Once a day per tenant: the birthday points of members born today, the anniversary gift of members who joined
     * on this day, reminders of points expiring and of paid cards ending, and this month's monthly tier coupons (once per member and month
     * whichever day gives them).
     */
    int birthdays() {
        var tenant = io.siyu.shared.Tenancy.required();
        var today = care.today();
        if (today.equals(birthdaysDone.get(tenant))) {
            return 0;
        }
        int granted = care.birthdays(today)
                + anniversaries.care(today)
                + care.expiring()
                + tierCoupons.monthly(today)
                + cards.remind();
        birthdaysDone.put(tenant, today);
        return granted;
    }

    /** Expires what is due for the bound tenant; answers how many lots, coupons and card periods. */
    int expire() {
        int done = coupons.expire() + cards.end();
        var due = transactions.execute(s -> points.withDueLots(BATCH));
        for (var customer : due) {
            Integer n = transactions.execute(s -> points.expireDue(customer));
            done += n == null ? 0 : n;
        }
        return done;
    }
}
