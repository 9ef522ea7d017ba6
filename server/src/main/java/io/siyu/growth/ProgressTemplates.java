package io.siyu.growth;

import io.siyu.shared.FieldProblem;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The texts of progress messages: placeholders in braces ({@code {remaining}}) filled with a participant's figures,
 * the defaults in Chinese and English, and the checks a text passes when it is saved (known placeholders only, not
 * too long for WeCom once filled).
 */
final class ProgressTemplates {

    /** A template's length in characters; filled, it stays well within WeCom's 4,000 bytes. */
    static final int MAX_LENGTH = 500;

    static final List<String> LANGUAGES = List.of("zh-CN", "en");

    /** What a participant's texts (progress, stage) may name. */
    static final Set<String> PARTICIPANT =
            Set.of("name", "counted", "held", "next", "remaining", "reward", "stage", "deadline", "campaign");

    /** What a group announcement may name. */
    static final Set<String> ANNOUNCEMENT = Set.of("campaign", "next", "reward", "deadline", "link");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

    private static final Map<String, Map<String, String>> DEFAULTS = Map.of(
            "zh-CN",
            Map.of(
                    "progress",
                    "{name}，助力成功！你已成功邀请 {counted} 位好友，再邀请 {remaining} 位即可获得{reward}。活动截至 {deadline}。",
                    "stage",
                    "恭喜{name}！你已成功邀请 {counted} 位好友，完成第 {stage} 阶段任务，获得{reward}。",
                    "announcement",
                    "【{campaign}】邀请好友进群即可领奖：邀请 {next} 位好友得{reward}，活动截至 {deadline}。{link}",
                    "digest",
                    "【{0}】今日邀请榜",
                    "digestLine",
                    "{0}. {1} 邀请 {2} 人",
                    "digestEnd",
                    "邀请好友进群，一起领奖励！"),
            "en",
            Map.of(
                    "progress",
                    "{name}, your friends are in! {counted} invited so far, {remaining} more to get {reward}."
                            + " Ends {deadline}.",
                    "stage",
                    "Congratulations {name}! With {counted} friends invited you completed stage {stage} and got"
                            + " {reward}.",
                    "announcement",
                    "[{campaign}] Invite friends to this group and get rewarded: {next} friends earn {reward}."
                            + " Ends {deadline}. {link}",
                    "digest",
                    "[{0}] Today's top inviters",
                    "digestLine",
                    "{0}. {1}: {2} invited",
                    "digestEnd",
                    "Invite your friends to the group and get rewarded too!"));

    private ProgressTemplates() {}

    /** The language of a locale's texts: English for English, Chinese otherwise. */
    static String language(Locale locale) {
        return locale.getLanguage().equals("en") ? "en" : "zh-CN";
    }

    /** A default text (progress, stage, announcement, digest, digestLine, digestEnd) in a language. */
    static String standard(String language, String which) {
        return DEFAULTS.getOrDefault(language, DEFAULTS.get("zh-CN")).get(which);
    }

    /** Problems with a text at {@code field}: empty, too long, or naming a placeholder not in {@code known}. */
    static void check(String field, @Nullable String text, Set<String> known, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(new FieldProblem(field, "problem.field.required"));
            return;
        }
        if (text.codePointCount(0, text.length()) > MAX_LENGTH) {
            problems.add(new FieldProblem(field, "growth.messages.length", MAX_LENGTH));
            return;
        }
        var matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            if (!known.contains(matcher.group(1))) {
                problems.add(new FieldProblem(
                        field,
                        "growth.messages.placeholder",
                        matcher.group(),
                        String.join(
                                " ",
                                known.stream().sorted().map(k -> "{" + k + "}").toList())));
                return;
            }
        }
    }

    /** The text with each placeholder replaced by its value (one without a value stays as written). */
    static String render(String template, Map<String, String> values) {
        var matcher = PLACEHOLDER.matcher(template);
        var out = new StringBuilder();
        while (matcher.find()) {
            var value = values.get(matcher.group(1));
            matcher.appendReplacement(
                    out, java.util.regex.Matcher.quoteReplacement(value == null ? matcher.group() : value));
        }
        matcher.appendTail(out);
        return out.toString().strip();
    }

    /** A reward as the participant reads it: 100 积分, 优惠券, 保温杯, ¥1.00 红包. */
    static String reward(Campaign.Stage stage, String language) {
        boolean en = language.equals("en");
        return switch (stage.rewardKind()) {
            case "points" -> en ? stage.amount() + " points" : " " + stage.amount() + " 积分";
            case "coupon" -> en ? "a coupon" : "优惠券";
            case "gift" -> en ? "a " + stage.gift() : String.valueOf(stage.gift());
            case "red_packet" -> {
                var amount = yuan(stage.amount())
                        + (stage.amountMax() == null || stage.amountMax() == stage.amount()
                                ? ""
                                : "–" + yuan(stage.amountMax()));
                yield en ? "a " + amount + " red packet" : " " + amount + " 元红包";
            }
            default -> stage.rewardKind();
        };
    }

    private static String yuan(long fen) {
        return String.format(Locale.ROOT, "%d.%02d", fen / 100, fen % 100);
    }

    /** The campaign's end as the participant reads it, in the tenant's time. */
    static String deadline(Instant endsAt, ZoneId zone, String language) {
        var format = language.equals("en")
                ? DateTimeFormatter.ofPattern("MMM d, HH:mm", Locale.ENGLISH)
                : DateTimeFormatter.ofPattern("M月d日 HH:mm", Locale.SIMPLIFIED_CHINESE);
        return endsAt.atZone(zone).format(format);
    }
}
