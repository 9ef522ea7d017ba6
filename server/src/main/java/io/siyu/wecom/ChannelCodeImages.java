package io.siyu.wecom;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.siyu.shared.DomainException;
import io.siyu.shared.QrImages;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A live code as an image: WeCom hands out its QR as a small picture; Siyu reads the link in it once (ZXing),
 * keeps it, and draws the QR again at the size asked for, alone or on a poster for print.
 */
@Service
public class ChannelCodeImages {

    public static final int MIN_SIZE = 128;
    public static final int MAX_SIZE = 2_048;
    private static final int POSTER_WIDTH = 750;
    private static final int POSTER_HEIGHT = 1_200;

    private final ChannelCodes codes;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final @Nullable String fontName = cjkFont();

    ChannelCodeImages(ChannelCodes codes, JdbcClient jdbc, TransactionTemplate transactions) {
        this.codes = codes;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** A font family with Chinese glyphs (Noto Sans CJK SC where installed), for posters drawn elsewhere. */
    public String fontFamily() {
        return fontName == null ? Font.SANS_SERIF : fontName;
    }

    /** The code's QR as a PNG, {@code size} pixels square. */
    public byte[] qr(long codeId, int size) {
        return QrImages.png(matrixImage(content(codeId), clamp(size)));
    }

    /** A poster (750 × 1200 PNG): the title, a line of text and the QR on a card. */
    public byte[] poster(long codeId, @Nullable String title, @Nullable String subtitle) {
        var code = java.util.Objects.requireNonNull(transactions.execute(s -> codes.get(codeId)));
        var qr = matrixImage(content(codeId), 440);
        var image = new BufferedImage(POSTER_WIDTH, POSTER_HEIGHT, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setPaint(new GradientPaint(0, 0, new Color(0x07C160), 0, POSTER_HEIGHT, new Color(0x0A7F4F)));
            g.fillRect(0, 0, POSTER_WIDTH, POSTER_HEIGHT);
            g.setColor(Color.WHITE);
            g.fill(new RoundRectangle2D.Double(75, 300, 600, 760, 36, 36));
            centered(g, title == null || title.isBlank() ? code.name() : title, 56, Font.BOLD, Color.WHITE, 170);
            centered(
                    g,
                    subtitle == null || subtitle.isBlank() ? "扫码添加企业微信，专属顾问为你服务" : subtitle,
                    30,
                    Font.PLAIN,
                    new Color(0xE8FFF3),
                    235);
            g.drawImage(qr, (POSTER_WIDTH - qr.getWidth()) / 2, 370, null);
            centered(g, "长按识别二维码", 30, Font.PLAIN, new Color(0x333333), 900);
            if (code.store() != null) {
                centered(g, code.store(), 28, Font.PLAIN, new Color(0x888888), 960);
            }
        } finally {
            g.dispose();
        }
        return QrImages.png(image);
    }

    private void centered(java.awt.Graphics2D g, String text, int size, int style, Color color, int baseline) {
        g.setFont(new Font(fontName == null ? Font.SANS_SERIF : fontName, style, size));
        g.setColor(color);
        var width = g.getFontMetrics().stringWidth(text);
        g.drawString(text, (POSTER_WIDTH - width) / 2, baseline);
    }

    /** The link inside WeCom's QR picture, read once and kept. */
    String content(long codeId) {
        var code = java.util.Objects.requireNonNull(transactions.execute(s -> codes.get(codeId)));
        var kept = transactions.execute(s -> jdbc.sql("select qr_content from wecom_channel_code where id = ?")
                .param(codeId)
                .query(String.class)
                .optional()
                .orElse(null));
        if (kept != null) {
            return kept;
        }
        if (code.qrUrl() == null) {
            throw new DomainException(HttpStatus.CONFLICT, "wecom.code.no-qr");
        }
        var content = readQr(code.qrUrl());
        transactions.executeWithoutResult(s -> jdbc.sql("update wecom_channel_code set qr_content = ? where id = ?")
                .params(content, codeId)
                .update());
        return content;
    }

    /** The link inside the QR picture at {@code url} (WeCom's qr_code of a 联系我 or 加入群聊 way). */
    static String readQr(String url) {
        return decode(download(url));
    }

    private static byte[] download(String url) {
        try {
            var response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(10))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new WeComApiException(
                                "qr_code", WeComApiException.UNAVAILABLE_CODE, "HTTP " + response.statusCode())
                        .toProblem();
            }
            return response.body();
        } catch (IOException | IllegalArgumentException e) {
            throw new WeComApiException("qr_code", WeComApiException.UNAVAILABLE_CODE, e.toString()).toProblem();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WeComApiException("qr_code", WeComApiException.UNAVAILABLE_CODE, "interrupted").toProblem();
        }
    }

    static String decode(byte[] png) {
        try {
            var image = ImageIO.read(new ByteArrayInputStream(png));
            if (image == null) {
                throw new DomainException(HttpStatus.BAD_GATEWAY, "wecom.code.qr-unreadable");
            }
            var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
            try {
                // a code drawn by a program, squarely: read as such, which never misses
                return new QRCodeReader()
                        .decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE))
                        .getText();
            } catch (NotFoundException | ChecksumException | FormatException e) {
                // a photo-like picture (a border, a logo): find the code in it (misses ~1 in 100 clean ones)
                return new QRCodeReader()
                        .decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
                        .getText();
            }
        } catch (NotFoundException | ChecksumException | FormatException e) {
            throw new DomainException(HttpStatus.BAD_GATEWAY, "wecom.code.qr-unreadable");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BufferedImage matrixImage(String content, int size) {
        return QrImages.image(content, size, 4);
    }

    private static int clamp(int size) {
        return Math.max(MIN_SIZE, Math.min(MAX_SIZE, size));
    }

    /** A font that has Chinese glyphs, preferring Noto Sans CJK; null when the machine has none. */
    private static @Nullable String cjkFont() {
        var names = GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames();
        return Arrays.stream(names)
                .filter(n -> n.startsWith("Noto Sans CJK SC"))
                .findFirst()
                .or(() -> Arrays.stream(names)
                        .filter(n -> new Font(n, Font.PLAIN, 12).canDisplayUpTo("扫码添加") == -1)
                        .findFirst())
                .orElse(null);
    }
}
