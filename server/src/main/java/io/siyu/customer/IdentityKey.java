package io.siyu.customer;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One identity, normalised so that the same person written two ways is one key: mobiles lose spaces,
 * dashes and a +86 / 0086 prefix; emails are lower-cased; qualified ids need their qualifier.
 *
 * @throws InvalidIdentity when the value cannot be an identity of that type
 */
public record IdentityKey(IdentityType type, String value) {

    // spaces, brackets and dashes people write in phone numbers
    private static final Pattern SEPARATORS = Pattern.compile("[\\s()-]");
    private static final Pattern MAINLAND_MOBILE = Pattern.compile("1[3-9][0-9]{9}");
    private static final Pattern INTERNATIONAL = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern QUALIFIED = Pattern.compile("[^:\\s]{1,64}:[^\\s]{1,95}");
    private static final Pattern PLAIN = Pattern.compile("[^\\s]{1,128}");

    public IdentityKey {
        value = normalise(type, value.strip());
    }

    private static String normalise(IdentityType type, String raw) {
        return switch (type) {
            case MOBILE -> mobile(raw);
            case EMAIL -> require(raw.toLowerCase(Locale.ROOT), EMAIL, type);
            case WECOM, OPENID, EXTERNAL -> require(raw, QUALIFIED, type);
            case UNIONID, MEMBER -> require(raw, PLAIN, type);
        };
    }

    private static String mobile(String raw) {
        var compact = SEPARATORS.matcher(raw).replaceAll("");
        if (compact.startsWith("0086")) {
            compact = "+86" + compact.substring(4);
        }
        if (compact.startsWith("+86")) {
            compact = compact.substring(3);
        }
        if (MAINLAND_MOBILE.matcher(compact).matches()
                || INTERNATIONAL.matcher(compact).matches()) {
            return compact;
        }
        throw new InvalidIdentity(IdentityType.MOBILE);
    }

    private static String require(String value, Pattern pattern, IdentityType type) {
        if (!pattern.matcher(value).matches()) {
            throw new InvalidIdentity(type);
        }
        return value;
    }

    /** A value that cannot be an identity of its type; {@link #type()} says which. */
    public static final class InvalidIdentity extends IllegalArgumentException {
        private final IdentityType type;

        InvalidIdentity(IdentityType type) {
            super("not a valid " + type.apiName());
            this.type = type;
        }

        public IdentityType type() {
            return type;
        }
    }
}
