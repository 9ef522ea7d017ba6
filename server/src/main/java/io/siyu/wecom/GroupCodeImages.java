package io.siyu.wecom;

import io.siyu.shared.DomainException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A group live code as an image: the link in WeCom's 加入群聊 QR picture, read once and kept, drawn at the
 * size asked for; while the code is on its fallback, the fallback channel code's QR instead.
 */
@Service
public class GroupCodeImages {

    private final GroupCodes codes;
    private final ChannelCodeImages channelImages;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    GroupCodeImages(
            GroupCodes codes, ChannelCodeImages channelImages, JdbcClient jdbc, TransactionTemplate transactions) {
        this.codes = codes;
        this.channelImages = channelImages;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** The QR to show now as a PNG, {@code size} pixels square (128–2048). */
    public byte[] qr(long codeId, int size) {
        var code = java.util.Objects.requireNonNull(transactions.execute(s -> codes.get(codeId)));
        if (code.fallback() && code.fallbackCodeId() != null) {
            return channelImages.qr(code.fallbackCodeId(), size);
        }
        var clamped = Math.max(ChannelCodeImages.MIN_SIZE, Math.min(ChannelCodeImages.MAX_SIZE, size));
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(ChannelCodeImages.matrixImage(content(code), clamped), "PNG", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private String content(GroupCode code) {
        var kept = transactions.execute(s -> jdbc.sql("select qr_content from wecom_group_code where id = ?")
                .param(code.id())
                .query(String.class)
                .optional()
                .orElse(null));
        if (kept != null) {
            return kept;
        }
        if (code.qrUrl() == null) {
            throw new DomainException(HttpStatus.CONFLICT, "wecom.code.no-qr");
        }
        var content = ChannelCodeImages.readQr(code.qrUrl());
        transactions.executeWithoutResult(s -> jdbc.sql("update wecom_group_code set qr_content = ? where id = ?")
                .params(content, code.id())
                .update());
        return content;
    }
}
