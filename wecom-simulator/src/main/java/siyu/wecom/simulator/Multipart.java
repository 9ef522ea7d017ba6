package siyu.wecom.simulator;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A multipart/form-data upload read from the raw request, so that the simulator needs no multipart settings of
 * its own (and takes none from a host it runs in). A body over {@link #MAX_BYTES} is cut there: whatever it
 * held is over every media limit anyway.
 */
final class Multipart {

    /** Enough to tell any upload over WeCom's largest limit (20 MB) from one within it. */
    static final int MAX_BYTES = 21 * 1024 * 1024;

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern NAME = Pattern.compile("[; ]name=\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("filename=\"([^\"]*)\"");

    /** One part: its form name, file name and bytes ({@code truncated} when the body was over the cap). */
    record Part(String name, String filename, byte[] bytes, boolean truncated) {}

    private Multipart() {}

    /** The part called {@code name}, or empty when the request is not multipart or has no such part. */
    static Optional<Part> part(HttpServletRequest request, String name) {
        var type = request.getContentType();
        var boundary = type == null ? null : BOUNDARY.matcher(type);
        if (boundary == null || !type.startsWith("multipart/") || !boundary.find()) {
            return Optional.empty();
        }
        byte[] body;
        boolean truncated;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BYTES + 1);
            truncated = body.length > MAX_BYTES;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return find(body, ("--" + boundary.group(1)).getBytes(StandardCharsets.ISO_8859_1), name, truncated);
    }

    private static Optional<Part> find(byte[] body, byte[] delimiter, String wanted, boolean truncated) {
        int at = indexOf(body, delimiter, 0);
        while (at >= 0) {
            int headersStart = at + delimiter.length + 2;
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
            if (headersEnd < 0) {
                return Optional.empty();
            }
            var headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
            int next = indexOf(body, delimiter, headersEnd + 4);
            int end = next < 0 ? body.length : next - 2;
            var name = group(NAME, headers);
            if (wanted.equals(name)) {
                var filename = group(FILENAME, headers);
                var bytes = Arrays.copyOfRange(body, headersEnd + 4, Math.max(end, headersEnd + 4));
                return Optional.of(new Part(name, filename == null ? "" : filename, bytes, next < 0 && truncated));
            }
            at = next;
        }
        return Optional.empty();
    }

    private static @Nullable String group(Pattern pattern, String headers) {
        var matcher = pattern.matcher(headers);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static int indexOf(byte[] data, byte[] target, int from) {
        outer:
        for (int i = Math.max(from, 0); i <= data.length - target.length; i++) {
            for (int j = 0; j < target.length; j++) {
                if (data[i + j] != target[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
