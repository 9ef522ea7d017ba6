package io.siyu.growth;

import io.siyu.shared.FieldProblem;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A campaign's progress-message settings as written (each field checked, named under a prefix), stored (a JSON
 * column of the campaign) and read back.
 */
final class MessageSettings {

    static final int MAX_LINK = 500;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private MessageSettings() {}

    /**
     * The settings {@code input} asks for over {@code current} (none: the defaults in {@code locale}'s language);
     * problems are named {@code prefix} + the field.
     */
    static Campaign.Messages of(
            Campaign.MessagesInput input,
            Campaign.@Nullable Messages current,
            Locale locale,
            String prefix,
            List<FieldProblem> problems) {
        var language = input.language() != null
                ? input.language()
                : current != null ? current.language() : ProgressTemplates.language(locale);
        if (!ProgressTemplates.LANGUAGES.contains(language)) {
            problems.add(new FieldProblem(
                    prefix + "language", "growth.messages.language", String.join(", ", ProgressTemplates.LANGUAGES)));
            language = "zh-CN";
        }
        var progress = text(input.progress(), current == null ? null : current.progress(), language, "progress");
        var stage = text(input.stage(), current == null ? null : current.stage(), language, "stage");
        var announcement =
                text(input.announcement(), current == null ? null : current.announcement(), language, "announcement");
        ProgressTemplates.check(prefix + "progress", progress, ProgressTemplates.PARTICIPANT, problems);
        ProgressTemplates.check(prefix + "stage", stage, ProgressTemplates.PARTICIPANT, problems);
        ProgressTemplates.check(prefix + "announcement", announcement, ProgressTemplates.ANNOUNCEMENT, problems);
        var link = input.link() != null ? input.link().strip() : current == null ? null : current.link();
        if (link != null && link.isEmpty()) {
            link = null;
        }
        if (link != null && (link.length() > MAX_LINK || !link.matches("(?i)https?://\\S+"))) {
            problems.add(new FieldProblem(prefix + "link", "growth.messages.link", MAX_LINK));
        }
        int hour = input.digestHour() != null ? input.digestHour() : current == null ? 20 : current.digestHour();
        if (hour < 0 || hour > 23) {
            problems.add(new FieldProblem(prefix + "digestHour", "growth.messages.digest-hour", 0, 23));
        }
        return new Campaign.Messages(
                flag(input.enabled(), current == null || current.enabled()),
                flag(input.onHeld(), current != null && current.onHeld()),
                progress,
                stage,
                language,
                flag(input.announce(), current == null || current.announce()),
                announcement,
                link,
                flag(input.digest(), current == null || current.digest()),
                hour);
    }

    private static boolean flag(@Nullable Boolean given, boolean otherwise) {
        return given == null ? otherwise : given;
    }

    private static String text(@Nullable String given, @Nullable String current, String language, String which) {
        if (given != null) {
            return given.strip();
        }
        return current != null ? current : ProgressTemplates.standard(language, which);
    }

    static String write(Campaign.Messages messages) {
        return JSON.writeValueAsString(messages);
    }

    static Campaign.@Nullable Messages read(@Nullable String json) {
        return json == null ? null : JSON.readValue(json, Campaign.Messages.class);
    }
}
