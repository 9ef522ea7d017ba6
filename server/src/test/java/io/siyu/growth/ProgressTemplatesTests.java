package io.siyu.growth;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.shared.FieldProblem;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressTemplatesTests {

    @Test
    void placeholdersAreFilledAndOneWithoutAValueStaysAsWritten() {
        assertThat(ProgressTemplates.render(
                        "{name}，再邀 {remaining} 人得{reward} {other}",
                        Map.of("name", "安娜", "remaining", "1", "reward", " 100 积分")))
                .isEqualTo("安娜，再邀 1 人得 100 积分 {other}");
    }

    @Test
    void anUnknownPlaceholderOrATooLongTextIsAProblemAtItsField() {
        var problems = new ArrayList<FieldProblem>();
        ProgressTemplates.check("progress", "再邀 {remain} 人", ProgressTemplates.PARTICIPANT, problems);
        ProgressTemplates.check("stage", "好".repeat(501), ProgressTemplates.PARTICIPANT, problems);
        ProgressTemplates.check("announcement", "{name} 你好", ProgressTemplates.ANNOUNCEMENT, problems);
        ProgressTemplates.check(
                "progress",
                "{name}{counted}{held}{next}{remaining}{reward}{stage}{deadline}",
                ProgressTemplates.PARTICIPANT,
                problems);
        assertThat(problems.stream().map(FieldProblem::field)).containsExactly("progress", "stage", "announcement");
        assertThat(problems.getFirst().arguments()).contains("{remain}");
    }

    @Test
    void theDefaultsFollowTheLanguageAndUseOnlyKnownPlaceholders() {
        for (var language : ProgressTemplates.LANGUAGES) {
            var problems = new ArrayList<FieldProblem>();
            ProgressTemplates.check(
                    "p", ProgressTemplates.standard(language, "progress"), ProgressTemplates.PARTICIPANT, problems);
            ProgressTemplates.check(
                    "s", ProgressTemplates.standard(language, "stage"), ProgressTemplates.PARTICIPANT, problems);
            ProgressTemplates.check(
                    "a",
                    ProgressTemplates.standard(language, "announcement"),
                    ProgressTemplates.ANNOUNCEMENT,
                    problems);
            assertThat(problems).isEmpty();
        }
        assertThat(ProgressTemplates.language(Locale.ENGLISH)).isEqualTo("en");
        assertThat(ProgressTemplates.language(Locale.SIMPLIFIED_CHINESE)).isEqualTo("zh-CN");
        assertThat(ProgressTemplates.deadline(
                        Instant.parse("2026-12-08T12:00:00Z"), ZoneId.of("Asia/Shanghai"), "zh-CN"))
                .isEqualTo("12月8日 20:00");
    }

    @Test
    void rewardsReadAsTheParticipantWouldSayThem() {
        var packet = new Campaign.Stage(1, 3, "red_packet", 100, 200L, null, null, null, null, 0);
        var gift = new Campaign.Stage(2, 5, "gift", 0, null, null, "保温杯", null, null, 0);
        assertThat(ProgressTemplates.reward(packet, "zh-CN")).isEqualTo(" 1.00–2.00 元红包");
        assertThat(ProgressTemplates.reward(gift, "zh-CN")).isEqualTo("保温杯");
        assertThat(ProgressTemplates.reward(packet, "en")).isEqualTo("a 1.00–2.00 red packet");
        assertThat(CampaignPosters.reward(packet)).as("the poster's 即得 line").isEqualTo(" 1.00–2.00 元红包");
        assertThat(CampaignPosters.reward(gift)).isEqualTo("「保温杯」");
    }
}
