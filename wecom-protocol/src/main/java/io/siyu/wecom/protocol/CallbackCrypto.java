package io.siyu.wecom.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * WeCom's callback encryption (加解密方案说明, doc 90968): a SHA-1 signature over the sorted token,
 * timestamp, nonce and ciphertext, and AES-256-CBC over {@code random(16) ‖ length(4, big-endian) ‖ message
 * ‖ receiveId}, padded PKCS#7-style to a multiple of 32 bytes, with the first 16 key bytes as the IV.
 *
 * <p>The JDK's PKCS5 padding checks for 16-byte blocks and refuses WeCom's pad bytes above 16, so the
 * cipher runs without padding and the padding is handled here. Instances are immutable and thread-safe.
 */
public final class CallbackCrypto {

    private static final Pattern AES_KEY = Pattern.compile("[A-Za-z0-9]{43}");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9]{1,32}");
    private static final int BLOCK = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String token;
    private final SecretKeySpec key;
    private final IvParameterSpec iv;
    private final String receiveId;

    /**
     * @param token the callback Token (letters and digits, at most 32)
     * @param encodingAesKey the 43-character EncodingAESKey
     * @param receiveId what the plaintext must end with: the corp id for a self-built app
     */
    public CallbackCrypto(String token, String encodingAesKey, String receiveId) {
        if (!TOKEN.matcher(token).matches()) {
            throw new CallbackRejected(CallbackRejected.Reason.ILLEGAL_KEY, "token must be 1-32 letters or digits");
        }
        if (!AES_KEY.matcher(encodingAesKey).matches()) {
            throw new CallbackRejected(
                    CallbackRejected.Reason.ILLEGAL_KEY, "EncodingAESKey must be 43 letters or digits");
        }
        byte[] raw = Base64.getDecoder().decode(encodingAesKey + "=");
        this.token = token;
        this.key = new SecretKeySpec(raw, "AES");
        this.iv = new IvParameterSpec(Arrays.copyOf(raw, 16));
        this.receiveId = receiveId;
    }

    /** {@code msg_signature}: lowercase hex SHA-1 of the four values sorted and joined. */
    public String signature(String timestamp, String nonce, String encrypted) {
        var parts = new String[] {token, timestamp, nonce, encrypted};
        Arrays.sort(parts);
        try {
            var digest = MessageDigest.getInstance("SHA-1")
                    .digest(String.join("", parts).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }

    /** Compares in constant time, so the answer's timing says nothing about how much of it matched. */
    public boolean verify(String signature, String timestamp, String nonce, String encrypted) {
        return MessageDigest.isEqual(
                signature.getBytes(StandardCharsets.US_ASCII),
                signature(timestamp, nonce, encrypted).getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The message inside {@code encrypted} (Base64), after checking its padding, length and receive id.
     *
     * @throws CallbackRejected when any of them is wrong
     */
    public String decrypt(String encrypted) {
        byte[] cipherText;
        try {
            cipherText = Base64.getDecoder().decode(encrypted);
        } catch (IllegalArgumentException e) {
            throw new CallbackRejected(CallbackRejected.Reason.BASE64, "not Base64");
        }
        if (cipherText.length == 0 || cipherText.length % 16 != 0) {
            throw new CallbackRejected(CallbackRejected.Reason.DECRYPT, "not whole AES blocks");
        }
        byte[] plain;
        try {
            var cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, iv);
            plain = cipher.doFinal(cipherText);
        } catch (GeneralSecurityException e) {
            throw new CallbackRejected(CallbackRejected.Reason.DECRYPT, e.getMessage());
        }
        int pad = plain[plain.length - 1] & 0xff;
        if (pad < 1 || pad > BLOCK || pad > plain.length) {
            throw new CallbackRejected(CallbackRejected.Reason.BUFFER, "bad padding");
        }
        int end = plain.length - pad;
        if (end < 20) {
            throw new CallbackRejected(CallbackRejected.Reason.BUFFER, "too short");
        }
        int length = ByteBuffer.wrap(plain, 16, 4).getInt();
        if (length < 0 || 20 + length > end) {
            throw new CallbackRejected(CallbackRejected.Reason.BUFFER, "message length out of range");
        }
        var message = new String(plain, 20, length, StandardCharsets.UTF_8);
        var tail = new String(plain, 20 + length, end - 20 - length, StandardCharsets.UTF_8);
        if (!tail.equals(receiveId)) {
            throw new CallbackRejected(CallbackRejected.Reason.RECEIVE_ID, "receive id is not ours");
        }
        return message;
    }

    /** Encrypts {@code message} (with 16 fresh random bytes) to Base64, as WeCom sends it. */
    public String encrypt(String message) {
        var random = new byte[16];
        RANDOM.nextBytes(random);
        return encrypt(message, random);
    }

    String encrypt(String message, byte[] random) {
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        byte[] tail = receiveId.getBytes(StandardCharsets.UTF_8);
        int length = 20 + body.length + tail.length;
        int pad = BLOCK - length % BLOCK;
        var plain = ByteBuffer.allocate(length + pad)
                .put(random, 0, 16)
                .putInt(body.length)
                .put(body)
                .put(tail);
        for (int i = 0; i < pad; i++) {
            plain.put((byte) pad);
        }
        try {
            var cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, iv);
            return Base64.getEncoder().encodeToString(cipher.doFinal(plain.array()));
        } catch (GeneralSecurityException e) {
            throw new CallbackRejected(CallbackRejected.Reason.ENCRYPT, e.getMessage());
        }
    }

    public String receiveId() {
        return receiveId;
    }
}
