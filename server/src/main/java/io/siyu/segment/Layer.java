package io.siyu.segment;

import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A layering of customers into levels (RFM groups, lifecycle stages, circles): each customer is in the first
 * level whose rule it meets, so levels never overlap. Rules use it as the field {@code layers.<key>}.
 *
 * @param levels in order of precedence; a level without a rule takes everyone the levels before it did not
 */
public record Layer(String key, List<Level> levels) {

    public Layer {
        levels = List.copyOf(levels);
    }

    /** @param rule the level's rule in the rule JSON, or null for "everyone else" */
    public record Level(String key, @Nullable JsonNode rule) {}
}
