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
