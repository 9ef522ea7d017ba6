package io.siyu.commerce;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An order as the API shows it; {@code customerId} is the profile it belongs to now; {@code distributorCode} the
 * 分销 share code it came through, if the shop sent one.
 */
public record Order(
        long id,
        String orderNo,
        long customerId,
        String status,
        BigDecimal totalAmount,
        BigDecimal paidAmount,
        BigDecimal refundedAmount,
        String currency,
        @Nullable String store,
        @Nullable String channel,
        @Nullable String distributorCode,
        Instant placedAt,
        @Nullable Instant paidAt,
        List<Line> lines,
        List<Payment> payments,
        List<Refund> refunds) {

    public record Line(int lineNo, String sku, String name, int quantity, BigDecimal unitPrice) {}

    public record Payment(
            String paymentNo, BigDecimal amount, @Nullable String method, Instant paidAt) {}

    public record Refund(
            String refundNo, BigDecimal amount, @Nullable String reason, Instant refundedAt) {}
}
