package io.siyu.journey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Ready-made journeys from the seed articles, kept as JSON under {@code journey-templates/}. Any text in them
 * may be written as {@code {"zh-CN": …, "en": …}}; it is given in the caller's language.
 */
@Component
class JourneyTemplates {

    static final List<String> KEYS = List.of(
            "activation",
            "new-customer",
            "birthday",
            "reactivation",
            "community-daily",
            "points-expiring",
            "tier-drop-winback",
            "member-anniversary");

    record Template(String key, String name, String description, JsonNode definition) {}

    private final List<JsonNode> templates = new ArrayList<>();

    JourneyTemplates() {
        var json = JsonMapper.builder().build();
        for (var key : KEYS) {
            try (var in = new ClassPathResource("journey-templates/" + key + ".json").getInputStream()) {
                templates.add(((ObjectNode) json.readTree(in)).put("key", key));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    List<Template> all() {
        var language =
                LocaleContextHolder.getLocale().getLanguage().equals(Locale.ENGLISH.getLanguage()) ? "en" : "zh-CN";
        return templates.stream()
                .map(t -> {
                    var localized = localize(t.deepCopy(), language);
                    return new Template(
                            localized.path("key").asString(),
                            localized.path("name").asString(),
                            localized.path("description").asString(),
                            localized.path("definition"));
                })
                .toList();
    }

    @Nullable
    Template find(String key) {
        return all().stream().filter(t -> t.key().equals(key)).findFirst().orElse(null);
    }

    private static JsonNode localize(JsonNode node, String language) {
        if (node.isObject() && node.size() == 2 && node.has("zh-CN") && node.has("en")) {
            return StringNode.valueOf(node.path(language).asString());
        }
        if (node instanceof ObjectNode object) {
            for (var name : new ArrayList<>(object.propertyNames())) {
                object.set(name, localize(object.get(name), language));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, localize(array.get(i), language));
            }
        }
        return node;
    }
}
