package siyu.wecom.simulator;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Bytes that pass for each media type by their first bytes (the simulator reads no further). */
final class Media {

    private Media() {}

    static byte[] png(int size) {
        return padded(size, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
    }

    static byte[] jpg(int size) {
        return padded(size, 0xFF, 0xD8, 0xFF, 0xE0);
    }

    static byte[] amr(int size) {
        return padded(size, '#', '!', 'A', 'M', 'R', '\n');
    }

    static byte[] mp4(int size) {
        return padded(size, 0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'm', 'p', '4', '2');
    }

    static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] padded(int size, int... prefix) {
        var bytes = new byte[size];
        Arrays.fill(bytes, (byte) 'x');
        for (int i = 0; i < prefix.length && i < size; i++) {
            bytes[i] = (byte) prefix[i];
        }
        return bytes;
    }
}
