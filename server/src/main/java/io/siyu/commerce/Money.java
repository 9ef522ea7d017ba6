package io.siyu.commerce;

import io.siyu.shared.FieldProblem;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Amounts in the API: a JSON number or numeric text, at most two decimals, 0 to 99,999,999.99. */
final class Money {

    static final BigDecimal MAX = new BigDecimal("99999999.99");

    private Money() {}

    static @Nullable BigDecimal read(
            @Nullable JsonNode node, String field, boolean positive, List<FieldProblem> problems) {
        if (node == null || node.isNull()) {
            problems.add(new FieldProblem(field, "problem.field.required"));
            return null;
        }
        BigDecimal value = null;
        if (node.isNumber()) {
            value = node.decimalValue();
        } else if (node.isString()) {
            try {
                value = new BigDecimal(node.asString().strip().replace(",", ""));
            } catch (NumberFormatException e) {
                value = null;
            }
        }
        if (value == null
                || value.stripTrailingZeros().scale() > 2
                || value.signum() < 0
                || (positive && value.signum() == 0)
                || value.compareTo(MAX) > 0) {
            problems.add(new FieldProblem(field, "commerce.amount.invalid"));
            return null;
        }
        return value.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }
}
