package io.siyu.growth;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The payment provider that pays money out to a customer's WeChat balance (red packets, commission
 * withdrawals). Each payout carries Siyu's key; the provider keeps one payout per key (as WeChat Pay's
 * out_bill_no / partner_trade_no does), and {@link #find} asks whether a key was already paid, so that a payout
 * cut off by a crash is looked up before it is tried again.
 */
public interface Payouts {

    /** A payout the provider holds for a key. */
    record Payout(String key, long customerId, BigDecimal amount) {}

    /**
     * Pays {@code amount} to the customer; the same key again changes nothing.
     *
     * @param purpose what the customer sees on the transfer (e.g. 红包奖励, 佣金提现)
     */
    void pay(String key, long customerId, BigDecimal amount, String purpose);

    /** The payout made under this key, if any. */
    Optional<Payout> find(String key);
}
