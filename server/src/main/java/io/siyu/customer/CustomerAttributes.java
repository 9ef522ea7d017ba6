package io.siyu.customer;

import io.siyu.shared.DomainException;
import io.siyu.shared.FieldProblem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The tenant's custom attribute definitions, and the check every write of attribute values goes through:
 * a value must have its attribute's type (an enum value one of its options), unknown keys are refused, and
 * {@code null} removes a value.
 */
@Service
public class CustomerAttributes {

    public static final int MAX_ATTRIBUTES = 100;
    public static final int MAX_OPTIONS = 200;
    public static final int MAX_STRING = 500;
    private static final Pattern KEY = Pattern.compile("[a-z][a-zA-Z0-9_]{0,39}");

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    CustomerAttributes(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional(readOnly = true)
    public List<AttributeDefinition> all() {
        return jdbc.sql("select key, label, type, options, required, position from customer_attribute"
                        + " order by position, created_at, key")
                .query((rs, n) -> new AttributeDefinition(
                        rs.getString(1),
                        rs.getString(2),
                        AttributeType.fromCode(rs.getString(3)).orElseThrow(),
                        options(rs.getString(4)),
                        rs.getBoolean(5),
                        rs.getInt(6)))
                .list();
    }

    @Transactional
    public AttributeDefinition create(AttributeDefinition definition) {
        check(definition, true);
        var count = jdbc.sql("select count(*) from customer_attribute")
                .query(Long.class)
                .single();
        if (count >= MAX_ATTRIBUTES) {
            throw new DomainException(HttpStatus.CONFLICT, "customer.attribute.too-many", MAX_ATTRIBUTES);
        }
        int inserted = jdbc.sql(
                        "insert into customer_attribute (tenant_id, key, label, type, options, required, position)"
                                + " values (siyu_current_tenant(), ?, ?, ?, ?::jsonb, ?, ?) on conflict do nothing")
                .params(
                        definition.key(),
                        definition.label(),
                        definition.type().code(),
                        json.writeValueAsString(definition.options()),
                        definition.required(),
                        definition.position())
                .update();
        if (inserted == 0) {
            throw new DomainException(
                    HttpStatus.CONFLICT,
                    "customer.attribute.exists",
                    List.of(new FieldProblem("key", "customer.attribute.exists", definition.key())),
                    definition.key());
        }
        return definition;
    }

    /**
     * Changes label, options, required flag and position; the type and key stay. Removing an option that
     * customers still hold is refused, so that no stored value becomes invalid.
     */
    @Transactional
    public AttributeDefinition update(AttributeDefinition definition) {
        var current = find(definition.key());
        if (current.type() != definition.type()) {
            throw DomainException.invalid("type", "customer.attribute.type-fixed");
        }
        check(definition, false);
        var removed = new ArrayList<>(current.options());
        removed.removeAll(definition.options());
        for (var option : removed) {
            if (inUse(current, option)) {
                throw DomainException.invalid("options", "customer.attribute.option-in-use", option);
            }
        }
        jdbc.sql(
                        "update customer_attribute set label = ?, options = ?::jsonb, required = ?, position = ? where key = ?")
                .params(
                        definition.label(),
                        json.writeValueAsString(definition.options()),
                        definition.required(),
                        definition.position(),
                        definition.key())
                .update();
        return definition;
    }

    /** Deletes a definition; customers' values of it are removed with it. */
    @Transactional
    public void delete(String key) {
        find(key);
        jdbc.sql("update customer set attributes = attributes - ? where jsonb_exists(attributes, ?)")
                .params(key, key)
                .update();
        jdbc.sql("delete from customer_attribute where key = ?").param(key).update();
    }

    @Transactional(readOnly = true)
    public AttributeDefinition find(String key) {
        return all().stream()
                .filter(d -> d.key().equals(key))
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("customer-attribute", key));
    }

    /**
     * Checks values against the definitions and returns them normalised (numbers as numbers, dates as ISO
     * text, multi-enum values de-duplicated); {@code null} values mean "remove". Problems are named under
     * {@code prefix} (e.g. {@code attributes.level}).
     */
    public Map<String, @Nullable Object> validate(
            JsonNode values, List<AttributeDefinition> definitions, String prefix, List<FieldProblem> problems) {
        var result = new LinkedHashMap<String, @Nullable Object>();
        if (!values.isObject()) {
            problems.add(new FieldProblem(prefix, "problem.field.type"));
            return result;
        }
        var byKey = new LinkedHashMap<String, AttributeDefinition>();
        definitions.forEach(d -> byKey.put(d.key(), d));
        for (var entry : values.properties()) {
            var field = prefix + "." + entry.getKey();
            var definition = byKey.get(entry.getKey());
            if (definition == null) {
                problems.add(new FieldProblem(field, "customer.attribute.unknown", entry.getKey()));
                continue;
            }
            var value = entry.getValue();
            if (value.isNull()) {
                if (definition.required()) {
                    problems.add(new FieldProblem(field, "customer.attribute.required"));
                } else {
                    result.put(definition.key(), null);
                }
                continue;
            }
            var checked = value(definition, value);
            if (checked == null) {
                problems.add(new FieldProblem(field, "customer.attribute.invalid", typeHint(definition)));
            } else {
                result.put(definition.key(), checked);
            }
        }
        return result;
    }

    /** Required attributes missing from a new customer. */
    public void requireAll(
            Map<String, @Nullable Object> values,
            List<AttributeDefinition> definitions,
            String prefix,
            List<FieldProblem> problems) {
        for (var definition : definitions) {
            if (definition.required() && values.get(definition.key()) == null) {
                problems.add(new FieldProblem(prefix + "." + definition.key(), "customer.attribute.required"));
            }
        }
    }

    /** Merges validated values into stored ones; {@code null} removes. */
    ObjectNode apply(JsonNode stored, Map<String, @Nullable Object> changes) {
        var result = stored.isObject() ? ((ObjectNode) stored).deepCopy() : json.createObjectNode();
        changes.forEach((key, value) -> {
            if (value == null) {
                result.remove(key);
            } else {
                result.set(key, json.valueToTree(value));
            }
        });
        return result;
    }

    private static @Nullable Object value(AttributeDefinition definition, JsonNode value) {
        return switch (definition.type()) {
            case STRING -> value.isString() && value.asString().length() <= MAX_STRING ? value.asString() : null;
            case NUMBER -> number(value);
            case BOOLEAN -> value.isBoolean() ? value.asBoolean() : null;
            case DATE -> date(value);
            case ENUM -> value.isString() && definition.options().contains(value.asString()) ? value.asString() : null;
            case MULTI_ENUM -> multi(definition, value);
        };
    }

    private static @Nullable BigDecimal number(JsonNode value) {
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isString()) {
            try {
                return new BigDecimal(value.asString().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static @Nullable String date(JsonNode value) {
        if (!value.isString()) {
            return null;
        }
        try {
            return LocalDate.parse(value.asString().strip()).toString();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static @Nullable List<String> multi(AttributeDefinition definition, JsonNode value) {
        if (!value.isArray()) {
            return null;
        }
        var seen = new java.util.LinkedHashSet<String>();
        for (var item : value) {
            if (!item.isString() || !definition.options().contains(item.asString())) {
                return null;
            }
            seen.add(item.asString());
        }
        return List.copyOf(seen);
    }

    private static String typeHint(AttributeDefinition definition) {
        return definition.type().hasOptions()
                ? definition.type().code() + " " + String.join(" / ", definition.options())
                : definition.type().code();
    }

    private boolean inUse(AttributeDefinition definition, String option) {
        var probe = definition.type() == AttributeType.ENUM
                ? json.createObjectNode().put(definition.key(), option)
                : json.createObjectNode()
                        .set(definition.key(), json.createArrayNode().add(option));
        return jdbc.sql("select exists (select 1 from customer where attributes @> ?::jsonb)")
                .param(probe.toString())
                .query(Boolean.class)
                .single();
    }

    private void check(AttributeDefinition definition, boolean creating) {
        var problems = new ArrayList<FieldProblem>();
        if (creating && !KEY.matcher(definition.key()).matches()) {
            problems.add(new FieldProblem("key", "customer.attribute.key"));
        }
        if (definition.label().isBlank() || definition.label().length() > 40) {
            problems.add(new FieldProblem("label", "problem.field.size", 1, 40));
        }
        if (definition.type().hasOptions()) {
            var distinct = new HashSet<String>();
            if (definition.options().isEmpty() || definition.options().size() > MAX_OPTIONS) {
                problems.add(new FieldProblem("options", "customer.attribute.options", MAX_OPTIONS));
            }
            for (var option : definition.options()) {
                if (option.isBlank() || option.length() > 40 || !distinct.add(option)) {
                    problems.add(new FieldProblem("options", "customer.attribute.option", option));
                }
            }
        } else if (!definition.options().isEmpty()) {
            problems.add(new FieldProblem("options", "customer.attribute.no-options"));
        }
        if (!problems.isEmpty()) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "problem.invalid-request", problems);
        }
    }

    private List<String> options(String text) {
        var node = json.readTree(text);
        var list = new ArrayList<String>();
        node.forEach(n -> list.add(n.asString()));
        return list;
    }
}
