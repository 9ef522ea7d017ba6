package io.siyu.wecom.protocol;

import java.security.SecureRandom;

/** Random letters and digits from a strong source: callback Tokens, EncodingAESKeys, secrets, ids, nonces. */
public final class RandomText {

    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomText() {}

    /** {@code length} characters from A–Z, a–z and 0–9 (an EncodingAESKey is 43 of them). */
    public static String alphanumeric(int length) {
        return of(ALPHANUMERIC, length);
    }

    /** {@code length} characters drawn from {@code alphabet}. */
    public static String of(String alphabet, int length) {
        var chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = alphabet.charAt(RANDOM.nextInt(alphabet.length()));
        }
        return new String(chars);
    }

    /** A number from 0 up to, not including, {@code bound}. */
    public static int below(int bound) {
        return RANDOM.nextInt(bound);
    }
}
