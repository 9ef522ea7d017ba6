package io.siyu.growth;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The payment provider that gives group buyers their money back. Each refund carries Siyu's key; the provider
 * keeps one refund per key (as WeChat Pay's out_refund_no does), and {@link #find} asks whether a key was
 * already refunded, so that a refund cut off by a crash is looked up before it is tried again.
 */
public interface GroupBuyPayments {

    /** Refunds {@code amount} of the payment {@code paymentRef}; the same key again changes nothing. */
    void refund(String key, String paymentRef, BigDecimal amount);

    /** The amount refunded under this key, if any. */
    Optional<BigDecimal> find(String key);
}
