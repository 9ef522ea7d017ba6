package siyu.wecom.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Numbers that look random but are fixed by a key: sixteen rolls from the SHA-256 of the key, the same in
 * every run and on every JVM, for figures the simulator has no state for.
 */
final class Dice {

    private final byte[] bytes;

    Dice(String key) {
        try {
            this.bytes = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Roll {@code index} (0 to 15) as a number from 0 to {@code bound} − 1. */
    int roll(int index, int bound) {
        int value = (bytes[2 * index] & 0xff) << 8 | bytes[2 * index + 1] & 0xff;
        return value % bound;
    }
}
