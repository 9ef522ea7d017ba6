package siyu.wecom.simulator;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * 素材管理 (doc 90253, 90256, 95098): temporary media with WeCom's limits — every file over 5 bytes; image
 * ≤ 10 MB JPG/PNG, voice ≤ 2 MB AMR, video ≤ 10 MB MP4, file ≤ 20 MB — told from the bytes, not the name.
 * Errcodes: 40004 unknown type, 44001 no media, 40005 bytes not of the type, 40006 size (voice, file, or
 * 5 bytes and under), 40009 image too big, 40011 video too big; 40007 for a media_id unknown, expired or of
 * another type where one is used. uploadimg keeps the image for good and serves it from the simulator.
 */
@Component
class MediaFiles {

    static final Duration VALIDITY = Duration.ofDays(3);
    static final Set<String> TYPES = Set.of("image", "voice", "video", "file");
    static final int MIN_BYTES = 5;
    static final int MB = 1024 * 1024;
    static final int MAX_UPLOADIMG = 2 * MB;

    /** A permanent image of uploadimg, served at {@code /sim/images/{name}}. */
    record Image(String contentType, byte[] bytes) {}

    private final SimulatedClock clock;
    private final Map<String, Image> images = new ConcurrentHashMap<>();

    MediaFiles(SimulatedClock clock) {
        this.clock = clock;
    }

    /** media/upload, or media/upload_attachment with {@code attachment} (its media are 10 MB at most). */
    MediaFile upload(Corp corp, @Nullable String type, Multipart.@Nullable Part part, boolean attachment) {
        if (type == null || !TYPES.contains(type) || attachment && type.equals("voice")) {
            throw new WeComError(40004, "invalid media type");
        }
        var file = check(type, part, attachment ? 10 * MB : limit(type));
        var media = new MediaFile(Ids.mediaId(), type, file.filename(), file.bytes().length, clock.now(), attachment);
        synchronized (corp) {
            corp.media.put(media.mediaId(), media);
        }
        return media;
    }

    /** media/uploadimg: a JPG or PNG of at most 2 MB; answers its name under {@code /sim/images/}. */
    String uploadImage(Multipart.@Nullable Part part) {
        var image = check("image", part, MAX_UPLOADIMG);
        var png = image.bytes()[0] == (byte) 0x89;
        var name = Ids.token(32).replace('-', 'x').replace('_', 'y') + (png ? ".png" : ".jpg");
        images.put(name, new Image(png ? "image/png" : "image/jpeg", image.bytes()));
        return name;
    }

    @Nullable
    Image image(String name) {
        return images.get(name);
    }

    /**
     * The media a message names, still valid and of the type it is used as: 41006 without an id, 40007
     * otherwise. The caller holds the corp.
     */
    MediaFile valid(Corp corp, @Nullable String mediaId, String type) {
        if (mediaId == null || mediaId.isBlank()) {
            throw new WeComError(41006, "media_id missing");
        }
        var media = corp.media.get(mediaId);
        if (media == null || !media.type().equals(type) || expired(media)) {
            throw new WeComError(40007, "invalid media_id");
        }
        return media;
    }

    boolean expired(MediaFile media) {
        return !clock.now().isBefore(media.createdAt().plus(VALIDITY));
    }

    private static Multipart.Part check(String type, Multipart.@Nullable Part part, int limit) {
        if (part == null || part.bytes().length == 0) {
            throw new WeComError(44001, "empty media data");
        }
        var bytes = part.bytes();
        if (bytes.length <= MIN_BYTES) {
            throw new WeComError(40006, "invalid file size");
        }
        if (!ofType(type, bytes)) {
            throw new WeComError(40005, "invalid file type");
        }
        if (part.truncated() || bytes.length > limit) {
            throw switch (type) {
                case "image" -> new WeComError(40009, "invalid image size");
                case "video" -> new WeComError(40011, "invalid video size");
                default -> new WeComError(40006, "invalid file size");
            };
        }
        return part;
    }

    private static int limit(String type) {
        return switch (type) {
            case "voice" -> 2 * MB;
            case "file" -> 20 * MB;
            default -> 10 * MB;
        };
    }

    /** JPG or PNG, AMR, MP4 (an ftyp box first), anything for a file. */
    static boolean ofType(String type, byte[] b) {
        return switch (type) {
            case "image" -> starts(b, 0xFF, 0xD8, 0xFF) || starts(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
            case "voice" -> starts(b, '#', '!', 'A', 'M', 'R');
            case "video" -> b.length > 8 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p';
            default -> true;
        };
    }

    private static boolean starts(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
