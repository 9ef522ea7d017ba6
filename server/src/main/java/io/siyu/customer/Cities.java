package io.siyu.customer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * City codes 0–299 (0 is Beijing, as in the standard data set) with their Chinese and English names; the
 * API accepts a code or either name and answers with the code and the name in the caller's language.
 */
public final class Cities {

    public record City(int code, String zh, String en) {
        public String name(Locale locale) {
            return locale.getLanguage().equals("en") ? en : zh;
        }
    }

    private static final List<City> ALL = load();
    private static final Map<String, City> BY_NAME = index();

    private Cities() {}

    public static List<City> all() {
        return ALL;
    }

    public static Optional<City> byCode(int code) {
        return code >= 0 && code < ALL.size() ? Optional.of(ALL.get(code)) : Optional.empty();
    }

    /** By code ("12"), Chinese name with or without 市, or English name in any case. */
    public static Optional<City> parse(String text) {
        var value = text.strip();
        if (value.matches("[0-9]{1,3}")) {
            return byCode(Integer.parseInt(value));
        }
        if (value.endsWith("市")) {
            value = value.substring(0, value.length() - 1);
        }
        return Optional.ofNullable(BY_NAME.get(value.toLowerCase(Locale.ROOT)));
    }

    private static List<City> load() {
        var stream = Objects.requireNonNull(Cities.class.getResourceAsStream("cities.tsv"), "cities.tsv");
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            var cities = new ArrayList<City>();
            for (String line; (line = reader.readLine()) != null; ) {
                var fields = line.split("\t");
                cities.add(new City(Integer.parseInt(fields[0]), fields[1], fields[2]));
            }
            return List.copyOf(cities);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, City> index() {
        var byName = new HashMap<String, City>();
        for (var city : ALL) {
            byName.put(city.zh(), city);
            byName.put(city.en().toLowerCase(Locale.ROOT), city);
        }
        return Map.copyOf(byName);
    }
}
