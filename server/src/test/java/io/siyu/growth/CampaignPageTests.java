package io.siyu.growth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CampaignPageTests {

    @Test
    void aFriendsNameShowsItsFirstCharacterAndAtMostThreeStars() {
        assertThat(CampaignPage.masked("王小明")).isEqualTo("王**");
        assertThat(CampaignPage.masked("李")).isEqualTo("*");
        assertThat(CampaignPage.masked(" Alexander ")).isEqualTo("A***");
        assertThat(CampaignPage.masked("😀笑笑")).isEqualTo("😀**");
        assertThat(CampaignPage.masked("  ")).isNull();
        assertThat(CampaignPage.masked(null)).isNull();
    }

    @Test
    void aDeviceIsKeptAsAHashOfItsIdAndUserAgent() {
        var phone = CampaignRepeats.device("3f2a9c1e-0000-4000-8000-000000000001", "iPhone");
        assertThat(phone).hasSize(64).matches("[0-9a-f]+");
        assertThat(CampaignRepeats.device("3f2a9c1e-0000-4000-8000-000000000001", "iPhone"))
                .isEqualTo(phone);
        assertThat(CampaignRepeats.device("3f2a9c1e-0000-4000-8000-000000000001", "Android"))
                .isNotEqualTo(phone);
        assertThat(CampaignRepeats.device("3f2a9c1e-0000-4000-8000-000000000001", null))
                .hasSize(64);
    }
}
