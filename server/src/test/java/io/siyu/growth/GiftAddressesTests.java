package io.siyu.growth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siyu.shared.DomainException;
import io.siyu.shared.FieldProblem;
import org.junit.jupiter.api.Test;

class GiftAddressesTests {

    @Test
    void aMainlandMobileNumberIsTakenWithSpacesHyphensOrPlus86AndNothingElse() {
        var address = GiftAddresses.address(
                new GiftReward.AddressInput(" 王芳 ", "+86 138-1234-5678", "上海市", "上海市", "浦东新区", "张杨路 500 号"));
        assertThat(address.mobile()).isEqualTo("13812345678");
        assertThat(address.recipient()).isEqualTo("王芳");
        for (var bad : new String[] {"12345678901", "1381234567", "138123456789", "+85213812345678", "abc"}) {
            assertThatThrownBy(() ->
                            GiftAddresses.address(new GiftReward.AddressInput("王芳", bad, "上海市", "上海市", "浦东新区", "张杨路")))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            DomainException.class,
                            e -> assertThat(e.fieldProblems())
                                    .extracting(FieldProblem::field)
                                    .containsExactly("mobile"));
        }
    }

    @Test
    void everyMissingOrTooLongFieldIsNamedAtOnce() {
        assertThatThrownBy(() ->
                        GiftAddresses.address(new GiftReward.AddressInput(null, null, "省".repeat(21), " ", null, "")))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.fieldProblems())
                                .extracting(FieldProblem::field)
                                .containsExactly("recipient", "mobile", "province", "city", "district", "detail"));
        assertThatThrownBy(() -> GiftAddresses.shipment(new GiftReward.Shipment(" ", "SF 123")))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.fieldProblems())
                                .extracting(FieldProblem::field)
                                .containsExactly("carrier", "trackingNo"));
    }
}
