package io.siyu.wecom;

import io.siyu.shared.FieldProblem;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What an operator sends to create or change a channel live code. On an update, an absent field keeps its
 * value; {@code dailyCap}, {@code schedule} and {@code welcome} are cleared with {@code clear}.
 *
 * @param clear names of optional settings to remove ({@code dailyCap}, {@code schedule}, {@code welcome})
 */
public record ChannelCodeInput(
        @Nullable Long appId,
        @Nullable String name,
        @Nullable List<String> staff,
        @Nullable List<String> backupStaff,
        @Nullable String assignment,
        @Nullable Integer dailyCap,
        ChannelCode.@Nullable Hours schedule,
        @Nullable Boolean skipVerify,
        @Nullable List<Integer> tagIds,
        ChannelCode.@Nullable Welcome welcome,
        @Nullable Set<String> clear) {

    /** WeCom's limits: remark and state 30 characters, 100 staff per code, welcome text 4,000 bytes, 9 attachments. */
    static final int MAX_NAME = 30;

    static final int MAX_STAFF = 100;
    static final int MAX_WELCOME_BYTES = 4_000;
    static final int MAX_ATTACHMENTS = 9;
    static final int MAX_DAILY_CAP = 10_000;

    boolean clears(String field) {
        return clear != null && clear.contains(field);
    }

    static @Nullable String name(@Nullable String name, List<FieldProblem> problems) {
        var stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty() || stripped.codePointCount(0, stripped.length()) > MAX_NAME) {
            problems.add(new FieldProblem("name", "wecom.code.name", MAX_NAME));
            return null;
        }
        return stripped;
    }

    /** Distinct staff ids, each known to the directory and allowed to use 客户联系. */
    static List<String> staff(
            String field,
            @Nullable List<String> ids,
            boolean required,
            Set<String> known,
            List<FieldProblem> problems) {
        var distinct = new ArrayList<>(new LinkedHashSet<>(ids == null ? List.of() : ids));
        if (required && distinct.isEmpty()) {
            problems.add(new FieldProblem(field, "wecom.code.staff.required"));
        } else if (distinct.size() > MAX_STAFF) {
            problems.add(new FieldProblem(field, "wecom.code.staff.too-many", MAX_STAFF));
        }
        for (int i = 0; i < distinct.size(); i++) {
            if (!known.contains(distinct.get(i))) {
                problems.add(new FieldProblem(field + "[" + i + "]", "wecom.code.staff.unknown", distinct.get(i)));
            }
        }
        return distinct;
    }

    static @Nullable String assignment(@Nullable String value, List<FieldProblem> problems) {
        try {
            return StaffRouting.Assignment.of(value == null ? "round_robin" : value)
                    .code();
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("assignment", "wecom.code.assignment", String.valueOf(value)));
            return null;
        }
    }

    static @Nullable Integer dailyCap(@Nullable Integer cap, List<FieldProblem> problems) {
        if (cap != null && (cap < 1 || cap > MAX_DAILY_CAP)) {
            problems.add(new FieldProblem("dailyCap", "wecom.code.daily-cap", MAX_DAILY_CAP));
            return null;
        }
        return cap;
    }

    static StaffRouting.@Nullable Schedule schedule(ChannelCode.@Nullable Hours hours, List<FieldProblem> problems) {
        if (hours == null) {
            return null;
        }
        if (hours.days() == null
                || hours.days().isEmpty()
                || hours.days().stream().anyMatch(d -> d == null || d < 1 || d > 7)) {
            problems.add(new FieldProblem("schedule.days", "wecom.code.schedule.days"));
        }
        var from = time("schedule.from", hours.from(), problems);
        var to = time("schedule.to", hours.to(), problems);
        if (from != null && from.equals(to)) {
            problems.add(new FieldProblem("schedule.to", "wecom.code.schedule.empty"));
        }
        return from == null || to == null || hours.days() == null
                ? null
                : new StaffRouting.Schedule(hours.days(), from, to);
    }

    private static @Nullable LocalTime time(String field, @Nullable String text, List<FieldProblem> problems) {
        try {
            if (text != null && text.matches("\\d{2}:\\d{2}")) {
                return LocalTime.parse(text);
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        problems.add(new FieldProblem(field, "wecom.code.schedule.time"));
        return null;
    }

    static ChannelCode.@Nullable Welcome welcome(ChannelCode.@Nullable Welcome welcome, List<FieldProblem> problems) {
        if (welcome == null) {
            return null;
        }
        var text = welcome.text() == null ? "" : welcome.text();
        var attachments = welcome.attachments() == null ? List.<ChannelCode.Attachment>of() : welcome.attachments();
        if (text.isBlank() && attachments.isEmpty()) {
            problems.add(new FieldProblem("welcome.text", "wecom.code.welcome.empty"));
        }
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_WELCOME_BYTES) {
            problems.add(new FieldProblem("welcome.text", "wecom.code.welcome.too-long", MAX_WELCOME_BYTES));
        }
        if (attachments.size() > MAX_ATTACHMENTS) {
            problems.add(new FieldProblem("welcome.attachments", "wecom.code.welcome.attachments", MAX_ATTACHMENTS));
        }
        for (int i = 0; i < attachments.size(); i++) {
            attachment("welcome.attachments[" + i + "]", attachments.get(i), problems);
        }
        return new ChannelCode.Welcome(text, attachments);
    }

    private static void attachment(String at, ChannelCode.@Nullable Attachment a, List<FieldProblem> problems) {
        if (a == null || a.type() == null) {
            problems.add(new FieldProblem(at + ".type", "wecom.code.attachment.type"));
            return;
        }
        switch (a.type()) {
            case "image" -> url(at + ".picUrl", a.picUrl(), true, problems);
            case "link" -> {
                required(at + ".title", a.title(), 128, problems);
                url(at + ".url", a.url(), true, problems);
                url(at + ".picUrl", a.picUrl(), false, problems);
            }
            case "miniprogram" -> {
                required(at + ".title", a.title(), 64, problems);
                required(at + ".appId", a.appId(), 64, problems);
                required(at + ".page", a.page(), 256, problems);
                required(at + ".picMediaId", a.picMediaId(), 256, problems);
            }
            default -> problems.add(new FieldProblem(at + ".type", "wecom.code.attachment.type"));
        }
    }

    private static void required(String field, @Nullable String value, int max, List<FieldProblem> problems) {
        if (value == null || value.isBlank() || value.length() > max) {
            problems.add(new FieldProblem(field, "wecom.code.attachment.field", max));
        }
    }

    private static void url(String field, @Nullable String value, boolean required, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(new FieldProblem(field, "wecom.code.attachment.url"));
            }
            return;
        }
        try {
            var scheme = URI.create(value).getScheme();
            if ("http".equals(scheme) || "https".equals(scheme)) {
                return;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        problems.add(new FieldProblem(field, "wecom.code.attachment.url"));
    }
}
