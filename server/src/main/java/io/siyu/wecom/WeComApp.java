package io.siyu.wecom;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A WeCom self-built app a tenant has connected. The app secret is never part of it: it is written, used by
 * the API client, and never read back out.
 *
 * @param token the callback Token, as configured in WeCom's admin console
 * @param encodingAesKey the callback EncodingAESKey (43 characters), as configured there
 * @param callbackKey the random part of this app's callback URL
 * @param apiBaseUrl where API calls go; null for WeCom itself
 */
public record WeComApp(
        long id,
        String name,
        String corpId,
        String agentId,
        String token,
        String encodingAesKey,
        String callbackKey,
        @Nullable String apiBaseUrl,
        Instant createdAt) {

    /** The path WeCom is to call, under this server's public address. */
    public String callbackPath() {
        return "/callbacks/wecom/" + callbackKey;
    }
}
