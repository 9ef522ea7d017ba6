package io.siyu.commerce;

import io.siyu.shared.FieldProblem;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Reads single payment and refund bodies for the endpoints, with the same checks as order batches. */
public final class OrderRecords {

    private OrderRecords() {}

    public static Order.@Nullable Payment payment(JsonNode body, Clock clock, List<FieldProblem> problems) {
        return OrderInput.payment(body, "", clock, problems);
    }

    public static Order.@Nullable Refund refund(JsonNode body, Clock clock, List<FieldProblem> problems) {
        return OrderInput.refund(body, "", clock, problems);
    }
}
