package io.siyu.content;

import io.siyu.shared.DomainException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Uploads of the material library. The type is read from the bytes, not from what the browser claims, and
 * WeCom's media limits apply (doc 90253): images (JPG, PNG, GIF) and videos (MP4) at most 10 MB, other files
 * 20 MB. Anything that is not an image or a video is served as a download, never rendered.
 */
@Service
public class MaterialFiles {

    public static final long MAX_IMAGE_BYTES = 10L * 1024 * 1024;
    public static final long MAX_VIDEO_BYTES = 10L * 1024 * 1024;
    public static final long MAX_FILE_BYTES = 20L * 1024 * 1024;
    static final int MAX_NAME = 128;

    static final String COLUMNS = "id, name, size, content_type, width, height";

    /** A file's bytes with what to serve them as. */
    public record Content(FileInfo info, byte[] bytes) {}

    private final JdbcClient jdbc;

    MaterialFiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public FileInfo upload(@Nullable String originalName, InputStream in) throws IOException {
        var bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
        if (bytes.length == 0) {
            throw DomainException.invalid("file", "content.file.empty");
        }
        var type = sniff(bytes);
        long max = type.startsWith("image/")
                ? MAX_IMAGE_BYTES
                : type.equals("video/mp4") ? MAX_VIDEO_BYTES : MAX_FILE_BYTES;
        if (bytes.length > max) {
            throw new DomainException(
                    HttpStatus.CONTENT_TOO_LARGE, "content.file.too-large", type, String.valueOf(max / 1024 / 1024));
        }
        Integer width = null;
        Integer height = null;
        if (type.startsWith("image/")) {
            java.awt.image.BufferedImage image;
            try {
                image = ImageIO.read(new ByteArrayInputStream(bytes));
            } catch (IOException | RuntimeException e) {
                image = null; // a damaged picture: the reader gave up
            }
            if (image == null) {
                throw DomainException.invalid("file", "content.file.unreadable-image");
            }
            width = image.getWidth();
            height = image.getHeight();
        }
        var name = name(originalName, type);
        // uploads never attached to a material are dropped after a day
        jdbc.sql("""
                        delete from material_file f where f.created_at < now() - interval '1 day'
                          and not exists (select 1 from material m where m.file_id = f.id or m.cover_id = f.id)""").update();
        return jdbc.sql("insert into material_file (name, content_type, size, width, height, sha256, content)"
                        + " values (?, ?, ?, ?, ?, ?, ?) returning " + COLUMNS)
                .params(name, type, bytes.length, width, height, sha256(bytes), bytes)
                .query(MaterialFiles::row)
                .single();
    }

    @Transactional(readOnly = true)
    public Optional<FileInfo> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from material_file where id = ?")
                .param(id)
                .query(MaterialFiles::row)
                .optional();
    }

    @Transactional(readOnly = true)
    public Content content(long id) {
        return jdbc.sql("select " + COLUMNS + ", content from material_file where id = ?")
                .param(id)
                .query((rs, n) -> new Content(info(rs, 1), rs.getBytes(7)))
                .optional()
                .orElseThrow(() -> DomainException.notFound("material-file", id));
    }

    private static FileInfo row(ResultSet rs, int row) throws SQLException {
        return info(rs, 1);
    }

    /** A file's {@link #COLUMNS} read from column {@code first} on. */
    static FileInfo info(ResultSet rs, int first) throws SQLException {
        return new FileInfo(
                rs.getLong(first),
                rs.getString(first + 1),
                rs.getLong(first + 2),
                rs.getString(first + 3),
                rs.getObject(first + 4, Integer.class),
                rs.getObject(first + 5, Integer.class));
    }

    /** What the bytes are: the images and video WeCom takes as such, else an opaque file. */
    static String sniff(byte[] b) {
        if (starts(b, 0x89, 'P', 'N', 'G')) {
            return "image/png";
        }
        if (starts(b, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (starts(b, 'G', 'I', 'F', '8')) {
            return "image/gif";
        }
        if (b.length > 12 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p') {
            return "video/mp4";
        }
        if (starts(b, '%', 'P', 'D', 'F')) {
            return "application/pdf";
        }
        return "application/octet-stream";
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

    /** The file's own name without any path, at most 128 characters; a name from the type when there is none. */
    static String name(@Nullable String original, String type) {
        var name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1)
                .replaceAll("[\\p{Cntrl}\"]", "")
                .strip();
        if (name.isEmpty()) {
            name = "file." + type.substring(type.indexOf('/') + 1).replace("octet-stream", "bin");
        }
        int count = name.codePointCount(0, name.length());
        // the end of a long name is kept: it has the extension
        return count > MAX_NAME ? name.substring(name.offsetByCodePoints(0, count - MAX_NAME)) : name;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
