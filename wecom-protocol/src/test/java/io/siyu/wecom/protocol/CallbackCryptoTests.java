package io.siyu.wecom.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/**
 * Against the sample values of WeCom's documentation (加解密方案说明, the official Sample.* files) and
 * against WxJava's implementation, written independently of ours.
 */
class CallbackCryptoTests {

    // The official sample's configuration and its two requests.
    static final String TOKEN = "QDG6eK";
    static final String AES_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    static final String CORP_ID = "wx5823bf96d3bd56c7";
    static final String ECHO =
            "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==";
    static final String POSTED =
            "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==";

    final CallbackCrypto crypto = new CallbackCrypto(TOKEN, AES_KEY, CORP_ID);

    @Test
    void verifiesAndDecryptsTheOfficialUrlVerificationSample() {
        assertThat(crypto.signature("1409659589", "263014780", ECHO))
                .isEqualTo("5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3");
        assertThat(crypto.verify("5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3", "1409659589", "263014780", ECHO))
                .isTrue();
        assertThat(crypto.decrypt(ECHO)).isEqualTo("1616140317555161061");
    }

    @Test
    void verifiesAndDecryptsTheOfficialMessageSampleWhosePaddingIsLongerThanAnAesBlock() {
        assertThat(crypto.verify("477715d11cdb4164915debcba66cb864d751f3e6", "1409659813", "1372623149", POSTED))
                .isTrue();
        var cipherText = Base64.getDecoder().decode(POSTED);
        var message = crypto.decrypt(POSTED);

        assertThat(CallbackXml.read(message)).containsEntry("ToUserName", CORP_ID);
        int padded = 20 + message.getBytes(StandardCharsets.UTF_8).length + CORP_ID.length();
        assertThat(cipherText.length - padded)
                .as("the sample's pad is above 16, which the JDK's PKCS5 padding refuses")
                .isGreaterThan(16);
    }

    @Test
    void refusesAForgedSignature() {
        assertThat(crypto.verify("477715d11cdb4164915debcba66cb864d751f3e7", "1409659813", "1372623149", POSTED))
                .isFalse();
        assertThat(crypto.verify("477715d11cdb4164915debcba66cb864d751f3e6", "1409659814", "1372623149", POSTED))
                .as("a replay with a new timestamp")
                .isFalse();
    }

    @Test
    void refusesAMessageForAnotherCorp() {
        var other = new CallbackCrypto(TOKEN, AES_KEY, "ww0000000000000000");
        assertThatThrownBy(() -> other.decrypt(POSTED))
                .isInstanceOfSatisfying(
                        CallbackRejected.class,
                        e -> assertThat(e.reason()).isEqualTo(CallbackRejected.Reason.RECEIVE_ID));
    }

    @Test
    void refusesBrokenCipherTexts() {
        assertThatThrownBy(() -> crypto.decrypt("not base64 at all!"))
                .isInstanceOfSatisfying(
                        CallbackRejected.class, e -> assertThat(e.reason()).isEqualTo(CallbackRejected.Reason.BASE64));
        assertThatThrownBy(() -> crypto.decrypt(POSTED.substring(0, 40))).isInstanceOf(CallbackRejected.class);
        var wrongKey = new CallbackCrypto(TOKEN, "a".repeat(43), CORP_ID);
        assertThatThrownBy(() -> wrongKey.decrypt(POSTED)).isInstanceOf(CallbackRejected.class);
        assertThatThrownBy(() -> new CallbackCrypto(TOKEN, "short", CORP_ID))
                .isInstanceOfSatisfying(
                        CallbackRejected.class,
                        e -> assertThat(e.reason()).isEqualTo(CallbackRejected.Reason.ILLEGAL_KEY));
    }

    @Test
    void padsAMessageThatFillsWholeBlocksWithAFullBlock() {
        // random 16 + length 4 + message 26 + corp id 18 = 64 bytes: the padding is a whole block of 32 × 0x20
        var encrypted = Base64.getDecoder().decode(crypto.encrypt("12345678901234567890123456", new byte[16]));
        assertThat(encrypted).hasSize(96);
        assertThat(crypto.decrypt(Base64.getEncoder().encodeToString(encrypted)))
                .isEqualTo("12345678901234567890123456");
    }

    @Property(tries = 200)
    void wxJavaDecryptsWhatWeEncryptAndWeDecryptWhatItEncrypts(@ForAll @StringLength(max = 600) String message) {
        var oracle = new WxCryptUtil(TOKEN, AES_KEY, CORP_ID);

        assertThat(oracle.decrypt(crypto.encrypt(message))).isEqualTo(message);
        assertThat(crypto.decrypt(oracle.encrypt("abcdefghijklmnop", message))).isEqualTo(message);
    }

    @Test
    void wxJavaAcceptsOurSignature() {
        var oracle = new WxCryptUtil(TOKEN, AES_KEY, CORP_ID);
        var encrypted = crypto.encrypt("<xml><Event><![CDATA[change_external_contact]]></Event></xml>");
        var signature = crypto.signature("1732870000", "nonce1", encrypted);

        assertThat(oracle.decryptContent(signature, "1732870000", "nonce1", encrypted))
                .contains("change_external_contact");
    }
}
