package io.siyu.commerce;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A product's role in the assortment (seed 001): what it is for in the customer's journey. */
public enum ProductRole {
    /** 引流品: cheap, draws new customers in. */
    LEAD,
    /** 明星品: the best seller that most first purchases are. */
    HERO,
    /** 个性化: for particular needs, sold by advice. */
    PERSONALISED,
    /** 贵族: premium, for the best customers. */
    PREMIUM;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Accepts the code and the Chinese name an import file carries. */
    public static Optional<ProductRole> parse(String text) {
        var value = text.strip();
        return switch (value) {
            case "引流品" -> Optional.of(LEAD);
            case "明星品" -> Optional.of(HERO);
            case "个性化" -> Optional.of(PERSONALISED);
            case "贵族", "贵族品" -> Optional.of(PREMIUM);
            default ->
                Arrays.stream(values())
                        .filter(r -> r.code().equals(value.toLowerCase(Locale.ROOT)))
                        .findFirst();
        };
    }
}
