package io.siyu.growth;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * 分销 as the API shows it: the program's settings and rates, distributors with their balances, ledger entries,
 * withdrawals and the reconciliation report. Rates are percent of the paid amount.
 */
public final class Distribution {

    private Distribution() {}

    /**
     * @param refundWindowDays commission is released this many days after the order was paid
     * @param minWithdrawal the least a withdrawal may ask for, in yuan
     * @param shareUrl the brand's page a distributor's share link opens, with {@code ?distributor=<code>} added
     *     (null: distributors share their code only)
     * @param attribution who earns on an order that carries a share code: binding, binding_first or order_first
     *     (see {@link OrderAttribution})
     */
    public record Settings(
            int refundWindowDays,
            BigDecimal level1Rate,
            BigDecimal level2Rate,
            BigDecimal minWithdrawal,
            @Nullable String shareUrl,
            String attribution,
            @Nullable String updatedBy,
            Instant updatedAt) {}

    public record SettingsInput(
            @Nullable Integer refundWindowDays,
            @Nullable BigDecimal level1Rate,
            @Nullable BigDecimal level2Rate,
            @Nullable BigDecimal minWithdrawal,
            @Nullable String shareUrl,
            @Nullable String attribution) {}

    /** @param scope product (target is a SKU) or category */
    public record Rate(long id, String scope, String target, BigDecimal level1Rate, BigDecimal level2Rate) {}

    public record RateInput(
            @Nullable String scope,
            @Nullable String target,
            @Nullable BigDecimal level1Rate,
            @Nullable BigDecimal level2Rate) {}

    /**
     * A distributor's balances; each is the sum of its column over the distributor's entries.
     *
     * @param debt clawed back after release beyond what was available; the next released commission pays it
     */
    public record Balances(
            BigDecimal pending, BigDecimal available, BigDecimal frozen, BigDecimal debt, BigDecimal withdrawn) {}

    /**
     * @param parentId the inviter: level 2 of this distributor's customers' orders
     * @param customers customers bound to this distributor
     * @param invited distributors this one invited
     */
    public record Distributor(
            long id,
            long customerId,
            @Nullable String customerName,
            String code,
            @Nullable Long parentId,
            @Nullable String parentCode,
            @Nullable String parentName,
            String status,
            String source,
            Instant appliedAt,
            @Nullable String decidedBy,
            @Nullable Instant decidedAt,
            long customers,
            long invited,
            Balances balances) {}

    /**
     * A customer applies (status pending until an operator decides) or an operator appoints one (active at
     * once).
     *
     * @param inviterCode the code of the distributor who invited them, if any
     */
    public record Application(
            @Nullable Long customerId,
            @Nullable String inviterCode,
            @Nullable Boolean appoint) {}

    /** A customer came through a distributor's code. */
    public record BindingInput(
            @Nullable Long customerId, @Nullable String code) {}

    public record Binding(long customerId, long distributorId, String code, Instant boundAt, boolean created) {}

    /** One ledger entry: the change it made to each balance. */
    public record Entry(
            long id,
            long distributorId,
            String kind,
            String ref,
            int level,
            @Nullable String orderNo,
            @Nullable BigDecimal base,
            BigDecimal pending,
            BigDecimal available,
            BigDecimal frozen,
            BigDecimal debt,
            BigDecimal withdrawn,
            Instant at) {}

    public record WithdrawalInput(
            @Nullable BigDecimal amount, @Nullable String requestKey) {}

    public record Decision(@Nullable String reason) {}

    public record Withdrawal(
            long id,
            long distributorId,
            String distributorCode,
            @Nullable String customerName,
            BigDecimal amount,
            String requestKey,
            String status,
            @Nullable String requestedBy,
            Instant requestedAt,
            @Nullable String decidedBy,
            @Nullable Instant decidedAt,
            @Nullable String reason,
            @Nullable Instant paidAt,
            int attempts,
            @Nullable String lastError) {}

    /** A balance that is not what the ledger says, or a check that failed. */
    public record Mismatch(long distributorId, String check, BigDecimal expected, BigDecimal actual) {}

    /** @param balanced true when every check passed */
    public record Reconciliation(
            boolean balanced, int distributors, long entries, Balances totals, List<Mismatch> mismatches) {}

    /** Commission by month (yyyy-MM): earned, released, taken back by refunds (cancelled or clawed back). */
    public record Month(String month, BigDecimal earned, BigDecimal released, BigDecimal reversed) {}

    public record Summary(
            long distributors,
            long active,
            long pendingApplications,
            long boundCustomers,
            long requestedWithdrawals,
            Balances totals,
            List<Month> months) {}
}
