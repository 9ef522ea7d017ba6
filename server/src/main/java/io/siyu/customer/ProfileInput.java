package io.siyu.customer;

import io.siyu.shared.FieldProblem;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A profile write read from JSON, checked field by field: identities to resolve, standard fields to set
 * (absent = unchanged, {@code null} = cleared), custom attribute values and consent changes. Used by the
 * API and by imports, so both accept and refuse exactly the same things.
 *
 * @param fields column name to new value
 */
public record ProfileInput(
        List<IdentityClaim> identities,
        Map<String, @Nullable Object> fields,
        Map<String, @Nullable Object> attributes,
        Map<ConsentChannel, Boolean> consent) {

    public static final int MAX_IDENTITIES = 20;

    public ProfileInput {
        identities = List.copyOf(identities);
    }

    public boolean isEmpty() {
        return identities.isEmpty() && fields.isEmpty() && attributes.isEmpty() && consent.isEmpty();
    }

    /** Reads {@code record}; problems are named under {@code at} (e.g. {@code customers[2]}). */
    public static ProfileInput read(
            JsonNode record,
            String at,
            List<AttributeDefinition> definitions,
            CustomerAttributes attributes,
            List<FieldProblem> problems) {
        var prefix = at.isEmpty() ? "" : at + ".";
        if (!record.isObject()) {
            problems.add(new FieldProblem(at.isEmpty() ? "body" : at, "problem.field.type"));
            return new ProfileInput(List.of(), Map.of(), Map.of(), Map.of());
        }
        for (var name : record.propertyNames()) {
            if (!KNOWN.contains(name)) {
                problems.add(new FieldProblem(prefix + name, "customer.field.unknown", name));
            }
        }
        var identities = identities(record.get("identities"), prefix + "identities", problems);
        var fields = new LinkedHashMap<String, @Nullable Object>();
        text(record, "name", prefix, 1, 64, problems).ifPresent(v -> fields.put("display_name", v.orElse("")));
        if (record.has("gender")) {
            var node = record.get("gender");
            var gender = node.isNull()
                    ? java.util.Optional.of(Gender.UNKNOWN)
                    : node.isString() ? Gender.parse(node.asString()) : java.util.Optional.<Gender>empty();
            gender.ifPresentOrElse(
                    g -> fields.put("gender", g.ordinal()),
                    () -> problems.add(new FieldProblem(prefix + "gender", "customer.gender.invalid")));
        }
        if (record.has("birthday")) {
            var node = record.get("birthday");
            if (node.isNull()) {
                fields.put("birthday", null);
            } else {
                try {
                    var date = LocalDate.parse(node.asString());
                    if (date.isBefore(LocalDate.of(1900, 1, 1)) || date.isAfter(LocalDate.now())) {
                        problems.add(new FieldProblem(prefix + "birthday", "customer.birthday.range"));
                    } else {
                        fields.put("birthday", date);
                    }
                } catch (DateTimeParseException e) {
                    problems.add(new FieldProblem(prefix + "birthday", "problem.field.date"));
                }
            }
        }
        if (record.has("city")) {
            var node = record.get("city");
            if (node.isNull()) {
                fields.put("city", null);
            } else {
                var city = node.isIntegralNumber()
                        ? Cities.byCode(node.asInt())
                        : node.isString() ? Cities.parse(node.asString()) : java.util.Optional.<Cities.City>empty();
                city.ifPresentOrElse(
                        c -> fields.put("city", c.code()),
                        () -> problems.add(
                                new FieldProblem(prefix + "city", "customer.city.unknown", node.asString())));
            }
        }
        text(record, "sourceChannel", prefix, 1, 64, problems)
                .ifPresent(v -> fields.put("source_channel", v.orElse(null)));
        if (record.has("ownerId")) {
            var node = record.get("ownerId");
            if (node.isNull()) {
                fields.put("owner_account_id", null);
            } else if (node.isIntegralNumber() && node.asLong() > 0) {
                fields.put("owner_account_id", node.asLong());
            } else {
                problems.add(new FieldProblem(prefix + "ownerId", "problem.field.type"));
            }
        }
        var values = record.has("attributes") && !record.get("attributes").isNull()
                ? attributes.validate(record.get("attributes"), definitions, prefix + "attributes", problems)
                : Map.<String, @Nullable Object>of();
        var consent = new LinkedHashMap<ConsentChannel, Boolean>();
        var consentNode = record.get("consent");
        if (consentNode != null && !consentNode.isNull()) {
            if (!consentNode.isObject()) {
                problems.add(new FieldProblem(prefix + "consent", "problem.field.type"));
            } else {
                for (var entry : consentNode.properties()) {
                    var channel = ConsentChannel.fromCode(entry.getKey());
                    if (channel.isEmpty()) {
                        problems.add(new FieldProblem(
                                prefix + "consent." + entry.getKey(), "customer.consent.channel", entry.getKey()));
                    } else if (!entry.getValue().isBoolean()) {
                        problems.add(new FieldProblem(prefix + "consent." + entry.getKey(), "problem.field.type"));
                    } else {
                        consent.put(channel.get(), entry.getValue().asBoolean());
                    }
                }
            }
        }
        return new ProfileInput(identities, fields, values, consent);
    }

    private static final java.util.Set<String> KNOWN = java.util.Set.of(
            "identities", "name", "gender", "birthday", "city", "sourceChannel", "ownerId", "attributes", "consent");

    /** Empty when absent; {@code Optional.empty()} inside when explicitly null. */
    private static java.util.Optional<java.util.Optional<String>> text(
            JsonNode record, String field, String prefix, int min, int max, List<FieldProblem> problems) {
        if (!record.has(field)) {
            return java.util.Optional.empty();
        }
        var node = record.get(field);
        if (node.isNull()) {
            return java.util.Optional.of(java.util.Optional.empty());
        }
        if (!node.isString()) {
            problems.add(new FieldProblem(prefix + field, "problem.field.type"));
            return java.util.Optional.empty();
        }
        var value = node.asString().strip();
        if (value.length() < min || value.length() > max) {
            problems.add(new FieldProblem(prefix + field, "problem.field.size", min, max));
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(java.util.Optional.of(value));
    }

    private static List<IdentityClaim> identities(@Nullable JsonNode node, String at, List<FieldProblem> problems) {
        var claims = new ArrayList<IdentityClaim>();
        if (node == null || node.isNull()) {
            return claims;
        }
        if (!node.isArray()) {
            problems.add(new FieldProblem(at, "problem.field.type"));
            return claims;
        }
        if (node.size() > MAX_IDENTITIES) {
            problems.add(new FieldProblem(at, "customer.identities.too-many", MAX_IDENTITIES));
            return claims;
        }
        for (int i = 0; i < node.size(); i++) {
            var item = node.get(i);
            var path = at + "[" + i + "]";
            var type = item.path("type").isString()
                    ? IdentityType.fromApiName(item.path("type").asString())
                    : java.util.Optional.<IdentityType>empty();
            if (type.isEmpty()) {
                problems.add(new FieldProblem(
                        path + ".type",
                        "customer.identity.type",
                        item.path("type").asString("")));
                continue;
            }
            if (!item.path("value").isString()) {
                problems.add(new FieldProblem(path + ".value", "problem.field.type"));
                continue;
            }
            try {
                var key = new IdentityKey(type.get(), item.path("value").asString());
                claims.add(new IdentityClaim(key, item.path("verified").asBoolean(false)));
            } catch (IdentityKey.InvalidIdentity e) {
                problems.add(new FieldProblem(
                        path + ".value",
                        "event.customer.invalid-identity",
                        type.get().apiName()));
            }
        }
        return claims;
    }
}
