package io.siyu.growth;

import io.siyu.shared.DomainException;
import io.siyu.shared.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/** Checks what a client writes about a gift's way out: an address, a shipment; every bad field named at once. */
final class GiftAddresses {

    static final int MAX_NAME = 20;
    static final int MAX_REGION = 20;
    static final int MAX_DETAIL = 120;
    static final int MAX_CARRIER = 30;
    /** Mainland mobile numbers: 1, then 3 to 9, then nine digits. */
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    private static final Pattern TRACKING = Pattern.compile("[A-Za-z0-9-]{4,40}");

    private GiftAddresses() {}

    /** The address, trimmed; the mobile number without spaces, hyphens or a +86 in front. */
    static GiftReward.Address address(GiftReward.AddressInput input) {
        var problems = new ArrayList<FieldProblem>();
        var recipient = text(input.recipient(), MAX_NAME, "recipient", "growth.gift.recipient", problems);
        var mobile = mobile(input.mobile());
        if (!MOBILE.matcher(mobile).matches()) {
            problems.add(new FieldProblem("mobile", "growth.gift.mobile"));
        }
        var province = text(input.province(), MAX_REGION, "province", "growth.gift.region", problems);
        var city = text(input.city(), MAX_REGION, "city", "growth.gift.region", problems);
        var district = text(input.district(), MAX_REGION, "district", "growth.gift.region", problems);
        var detail = text(input.detail(), MAX_DETAIL, "detail", "growth.gift.detail", problems);
        refuse(problems);
        return new GiftReward.Address(recipient, mobile, province, city, district, detail);
    }

    static GiftReward.Shipment shipment(GiftReward.Shipment input) {
        var problems = new ArrayList<FieldProblem>();
        var carrier = text(input.carrier(), MAX_CARRIER, "carrier", "growth.gift.carrier", problems);
        var tracking = input.trackingNo() == null ? "" : input.trackingNo().strip();
        if (!TRACKING.matcher(tracking).matches()) {
            problems.add(new FieldProblem("trackingNo", "growth.gift.tracking"));
        }
        refuse(problems);
        return new GiftReward.Shipment(carrier, tracking);
    }

    static String mobile(@Nullable String raw) {
        var digits = raw == null ? "" : raw.replaceAll("[\\s-]", "");
        return digits.startsWith("+86") ? digits.substring(3) : digits;
    }

    private static String text(@Nullable String raw, int max, String field, String key, List<FieldProblem> problems) {
        var value = raw == null ? "" : raw.strip();
        if (value.isEmpty() || value.codePointCount(0, value.length()) > max) {
            problems.add(new FieldProblem(field, key, max));
        }
        return value;
    }

    private static void refuse(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "problem.invalid-request", problems);
        }
    }
}
