package siyu.wecom.simulator;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /sim/qr/{configId}.png}: the QR image a 联系我 or 加入群聊 way's qr_code points at, a real PNG
 * that holds WeCom's URL for the way ({@code https://work.weixin.qq.com/ca/cawcde<configId>} or
 * {@code …/gm/<configId>}), so Siyu can decode it and draw it again on a poster. 404 for an unknown way.
 */
@RestController
class QrController {

    static final int SIZE = 430;

    private final CorpStates states;

    QrController(CorpStates states) {
        this.states = states;
    }

    @GetMapping("/sim/qr/{configId}.png")
    ResponseEntity<byte[]> qr(@PathVariable String configId) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(png(content(configId)));
    }

    private String content(String configId) {
        for (var corp : states.all()) {
            synchronized (corp) {
                var contactWay = corp.contactWays.get(configId);
                if (contactWay != null) {
                    return contactWay.qrContent();
                }
                var joinWay = corp.joinWays.get(configId);
                if (joinWay != null) {
                    return joinWay.qrContent();
                }
            }
        }
        throw SandboxError.notFound("config " + configId);
    }

    static byte[] png(String content) {
        try {
            var matrix = new QRCodeWriter()
                    .encode(content, BarcodeFormat.QR_CODE, SIZE, SIZE, Map.of(EncodeHintType.MARGIN, 2));
            var out = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(matrix, "png", out);
            return out.toByteArray();
        } catch (WriterException e) {
            throw new IllegalArgumentException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
