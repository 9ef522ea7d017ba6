package io.siyu.customer;

import io.siyu.shared.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * How an event or an order names its customer: {@code {"customerId": 12}}, or identities such as
 * {@code {"mobile": "13800138000", "unionid": "o6_b..."}} (several mean "these are one person").
 */
public record CustomerRef(
        List<IdentityKey> identities, @Nullable Long customerId) {

    /** Identities one record may carry. */
    public static final int MAX_IDENTITIES = 5;

    public CustomerRef {
        identities = List.copyOf(identities);
    }

    /** Reads the {@code customer} member at {@code at}; null (with problems added) when it is unusable. */
    public static @Nullable CustomerRef read(@Nullable JsonNode customer, String at, List<FieldProblem> problems) {
        if (customer == null || !customer.isObject() || customer.isEmpty()) {
            problems.add(new FieldProblem(at, "event.customer.one-identity"));
            return null;
        }
        if (customer.has("customerId")) {
            var id = customer.get("customerId");
            if (customer.size() != 1) {
                problems.add(new FieldProblem(at, "event.customer.id-alone"));
            } else if (id.canConvertToLong() && id.isIntegralNumber() && id.asLong() > 0) {
                return new CustomerRef(List.of(), id.asLong());
            } else {
                problems.add(new FieldProblem(at + ".customerId", "event.customer.id"));
            }
            return null;
        }
        if (customer.size() > MAX_IDENTITIES) {
            problems.add(new FieldProblem(at, "event.customer.too-many", MAX_IDENTITIES));
            return null;
        }
        var keys = new ArrayList<IdentityKey>();
        int before = problems.size();
        for (var entry : customer.properties()) {
            var key = identity(entry.getKey(), entry.getValue(), at + "." + entry.getKey(), problems);
            if (key != null) {
                keys.add(key);
            }
        }
        return problems.size() == before ? new CustomerRef(keys, null) : null;
    }

    private static @Nullable IdentityKey identity(String key, JsonNode value, String at, List<FieldProblem> problems) {
        var type = IdentityType.fromApiName(key);
        if (type.isEmpty()) {
            problems.add(new FieldProblem(at, "event.customer.unknown-identity", key));
            return null;
        }
        if (!value.isString()) {
            problems.add(new FieldProblem(at, "problem.field.type"));
            return null;
        }
        try {
            return new IdentityKey(type.get(), value.asString());
        } catch (IdentityKey.InvalidIdentity e) {
            problems.add(new FieldProblem(at, "event.customer.invalid-identity", key));
            return null;
        }
    }
}
