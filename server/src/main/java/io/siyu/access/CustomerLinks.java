package io.siyu.access;

import io.siyu.shared.DomainException;
import io.siyu.shared.Tenancy;
import io.siyu.shared.TenantId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links customers open without a login (their member page, a 任务宝 participant's progress page). A link carries a
 * token: tenant, customer (profile) id, purpose and expiry, signed with HMAC-SHA256 under the installation's link
 * secret. Whoever holds the token acts as that customer for that purpose until it expires, nothing more.
 *
 * <p>Customer-facing endpoints live under {@code /api/h5/v1/<purpose>/…}; the security configuration checks the
 * token (as {@code Authorization: Bearer <token>}) against the purpose in the path, binds the tenant and leaves
 * the {@link Holder} in the request attribute {@link #HOLDER}. Staff sessions count for nothing there.
 */
@Component
public class CustomerLinks {

    /** The request attribute under which the verified {@link Holder} of a customer-facing request is found. */
    public static final String HOLDER = "io.siyu.access.CustomerLinks.holder";

    private static final String VERSION = "v1";
    private static final Pattern PURPOSE = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** Whom a verified token speaks for, for what, until when. */
    public record Holder(TenantId tenant, long customerId, String purpose, Instant expiresAt) {}

    /** A freshly signed token and when it stops working. */
    public record Link(String token, Instant expiresAt) {}

    private final CustomerLinkSecret secret;
    private final AuditLog audit;
    private final Clock clock;

    CustomerLinks(CustomerLinkSecret secret, AuditLog audit, Clock clock) {
        this.secret = secret;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A token for a customer of the current tenant, for one purpose (lower-case words), valid for a while. Who
     * made it is kept in the audit log: a link is a credential.
     */
    @Transactional
    public Link issue(long customerId, String purpose, Duration validFor) {
        if (!PURPOSE.matcher(purpose).matches() || validFor.isNegative() || validFor.isZero()) {
            throw new IllegalArgumentException("purpose " + purpose + " / validity " + validFor);
        }
        var expires = clock.instant().plus(validFor).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        var payload = String.join(
                ".",
                VERSION,
                String.valueOf(Tenancy.required().value()),
                String.valueOf(customerId),
                purpose,
                String.valueOf(expires.getEpochSecond()));
        var encoded = ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        audit.record(
                Actor.currentName(),
                "customer-link.issued",
                "#" + customerId,
                Map.of("purpose", purpose, "expiresAt", expires.toString()));
        return new Link(encoded + "." + ENCODER.encodeToString(sign(encoded)), expires);
    }

    /**
     * The holder of a token, if it is signed by this installation, has not expired and is for {@code purpose}.
     *
     * @throws DomainException 401 {@code link.invalid} (malformed or forged), 401 {@code link.expired}, 403
     *     {@code link.wrong-purpose}
     */
    public Holder verify(String token, String purpose) {
        var dot = token.indexOf('.');
        if (dot < 1 || dot != token.lastIndexOf('.') || token.length() > 512) {
            throw invalid();
        }
        var encoded = token.substring(0, dot);
        byte[] signature;
        String[] fields;
        try {
            signature = DECODER.decode(token.substring(dot + 1));
            fields = new String(DECODER.decode(encoded), StandardCharsets.UTF_8).split("\\.", -1);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (!MessageDigest.isEqual(signature, sign(encoded)) || fields.length != 5 || !fields[0].equals(VERSION)) {
            throw invalid();
        }
        Holder holder;
        try {
            holder = new Holder(
                    new TenantId(Long.parseLong(fields[1])),
                    Long.parseLong(fields[2]),
                    fields[3],
                    Instant.ofEpochSecond(Long.parseLong(fields[4])));
        } catch (RuntimeException e) {
            throw invalid();
        }
        if (!holder.expiresAt().isAfter(clock.instant())) {
            throw new DomainException(HttpStatus.UNAUTHORIZED, "link.expired");
        }
        if (!holder.purpose().equals(purpose)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "link.wrong-purpose");
        }
        return holder;
    }

    private byte[] sign(String encodedPayload) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.bytes(), "HmacSHA256"));
            return mac.doFinal(encodedPayload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static DomainException invalid() {
        return new DomainException(HttpStatus.UNAUTHORIZED, "link.invalid");
    }
}
