package io.siyu.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MessagesTests {

    @Test
    void everyMessageExistsInChineseAndEnglish() throws IOException {
        var chinese = load("/messages.properties");
        var english = load("/messages_en.properties");

        assertThat(english.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(chinese.stringPropertyNames());
        assertThat(chinese.values()).allSatisfy(v -> assertThat((String) v).isNotBlank());
        assertThat(english.values()).allSatisfy(v -> assertThat((String) v).isNotBlank());
    }

    /** A 404 names what was not found (DomainException.notFound("segment", id)) in the caller's words. */
    @Test
    void everythingThatCanBeNotFoundHasAName() throws IOException {
        var chinese = load("/messages.properties");
        var named = java.util.regex.Pattern.compile("DomainException\\.notFound\\(\\s*\"([a-z-]+)\"");
        var missing = new java.util.TreeSet<String>();
        try (var sources = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
            for (var file : sources.filter(f -> f.toString().endsWith(".java")).toList()) {
                var matcher = named.matcher(java.nio.file.Files.readString(file));
                while (matcher.find()) {
                    if (chinese.getProperty("entity." + matcher.group(1)) == null) {
                        missing.add(matcher.group(1));
                    }
                }
            }
        }
        assertThat(missing).as("entity.<name> in messages.properties").isEmpty();
    }

    @Test
    void theDefaultMessagesAreChinese() throws IOException {
        var chinese = load("/messages.properties");

        assertThat(chinese.getProperty("auth.bad-credentials")).matches(".*\\p{IsHan}.*");
    }

    private static Properties load(String resource) throws IOException {
        var properties = new Properties();
        try (var in = MessagesTests.class.getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
