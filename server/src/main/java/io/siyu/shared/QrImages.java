package io.siyu.shared;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;

/** QR codes (ZXing) for links that customers scan: live codes, posters, member and campaign pages. */
public final class QrImages {

    private QrImages() {}

    /** The link as a square QR image of {@code size} pixels, with a quiet zone of {@code margin} modules. */
    public static BufferedImage image(String content, int size, int margin) {
        try {
            var matrix = new QRCodeWriter()
                    .encode(
                            content,
                            BarcodeFormat.QR_CODE,
                            size,
                            size,
                            Map.of(
                                    EncodeHintType.ERROR_CORRECTION,
                                    ErrorCorrectionLevel.M,
                                    EncodeHintType.MARGIN,
                                    margin));
            return MatrixToImageWriter.toBufferedImage(matrix);
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode " + content.length() + " characters as a QR code", e);
        }
    }

    /** The image as PNG bytes. */
    public static byte[] png(BufferedImage image) {
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "PNG", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The link as a 320-pixel QR code in a PNG data URL, for staff to show or print. */
    public static String dataUrl(String content) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(image(content, 320, 2)));
    }
}
