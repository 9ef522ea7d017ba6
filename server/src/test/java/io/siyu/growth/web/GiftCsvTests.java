package io.siyu.growth.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.growth.GiftReward;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GiftCsvTests {

    @Test
    void theWarehouseListStartsWithABomAndQuotesOrDefusesWhatASpreadsheetWouldMisread() {
        var address = new GiftReward.Address("王芳", "13812345678", "上海市", "上海市", "浦东新区", "张杨路 500 号, \"A\" 座");
        var gift = new GiftReward(
                7,
                1,
                2,
                2,
                3,
                "王芳",
                "=HYPERLINK(\"x\")",
                "to_ship",
                address,
                null,
                null,
                Instant.EPOCH,
                null,
                null,
                null,
                null);

        var csv = GiftCsv.write(List.of(gift));

        assertThat(csv).startsWith("\uFEFF礼品编号,阶梯,礼品,收件人,手机");
        assertThat(csv.lines().toList().get(1))
                .isEqualTo(
                        "7,2,\"'=HYPERLINK(\"\"x\"\")\",王芳,13812345678,上海市,上海市,浦东新区," + "\"张杨路 500 号, \"\"A\"\" 座\",,");
    }
}
