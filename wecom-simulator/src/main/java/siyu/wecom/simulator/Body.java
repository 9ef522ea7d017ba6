package siyu.wecom.simulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON request body read the lenient way WeCom reads it: absent, null and empty are alike, numbers may come
 * as strings. A body that is not a JSON object is WeCom's 47001.
 */
final class Body {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final JsonNode node;

    Body(@Nullable JsonNode node) {
        if (node == null || !node.isObject()) {
            throw dataFormat();
        }
        this.node = node;
    }

    /** A body made by the sandbox, to reuse the API's checks. */
    static Body of(java.util.Map<String, ?> fields) {
        return new Body(MAPPER.valueToTree(fields));
    }

    static WeComError dataFormat() {
        return new WeComError(47001, "data format error, Warning: wrong json format.");
    }

    boolean has(String name) {
        var value = node.get(name);
        return value != null && !value.isNull();
    }

    /** The text, or null when absent, null or empty. */
    @Nullable
    String text(String name) {
        var value = node.get(name);
        if (value == null || value.isNull() || value.isContainer()) {
            return null;
        }
        var text = value.asString();
        return text.isEmpty() ? null : text;
    }

    String text(String name, String fallback) {
        var text = text(name);
        return text == null ? fallback : text;
    }

    int integer(String name, int fallback) {
        var value = node.get(name);
        if (value == null || value.isNull() || value.asString().isEmpty()) {
            return fallback;
        }
        if (!value.isNumber() && !value.asString().matches("-?\\d+")) {
            throw dataFormat();
        }
        return value.asInt();
    }

    /** A whole number that may not fit an int (epoch seconds, or milliseconds sent by mistake); 0 if absent. */
    long whole(String name) {
        var value = node.get(name);
        if (value == null || value.isNull() || value.asString().isEmpty()) {
            return 0;
        }
        if (!value.asString().matches("-?\\d{1,18}")) {
            throw dataFormat();
        }
        return Long.parseLong(value.asString());
    }

    boolean bool(String name, boolean fallback) {
        var value = node.get(name);
        if (value == null || value.isNull()) {
            return fallback;
        }
        return value.isBoolean() ? value.asBoolean() : value.asInt() != 0;
    }

    List<String> texts(String name) {
        var list = new ArrayList<String>();
        var value = node.get(name);
        if (value == null || value.isNull()) {
            return list;
        }
        if (!value.isArray()) {
            throw dataFormat();
        }
        value.forEach(item -> list.add(item.asString()));
        return list;
    }

    List<Long> numbers(String name) {
        return texts(name).stream().map(Long::parseLong).toList();
    }

    /** A nested object, or an empty one. */
    Body object(String name) {
        var value = node.get(name);
        if (value == null || value.isNull()) {
            return new Body(tools.jackson.databind.node.JsonNodeFactory.instance.objectNode());
        }
        return new Body(value);
    }

    @Nullable
    JsonNode raw(String name) {
        var value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    static int bytes(@Nullable String text) {
        return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
    }
}
