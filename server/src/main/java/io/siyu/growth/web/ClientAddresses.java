package io.siyu.growth.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

/**
 * The address a customer's phone called from, for the campaign's IP limits. The connection's own address, unless
 * it is one of the configured trusted proxies ({@code siyu.growth.trusted-proxies}: addresses or CIDR ranges,
 * none by default): then {@code X-Forwarded-For} is read from the right, each trusted proxy skipped, and the first
 * address not trusted is the client's. Whatever a client writes in that header itself is never believed, as it
 * comes before the proxies' own entries.
 */
@Component
class ClientAddresses {

    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final List<IpAddressMatcher> trusted;

    ClientAddresses(@Value("${siyu.growth.trusted-proxies:}") List<String> proxies) {
        this.trusted = proxies.stream()
                .map(String::strip)
                .filter(p -> !p.isEmpty())
                .map(IpAddressMatcher::new)
                .toList();
    }

    String of(HttpServletRequest request) {
        var remote = request.getRemoteAddr();
        if (!trusted(remote)) {
            return remote;
        }
        var hops = new ArrayList<String>();
        for (var header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
            for (var hop : header.split(",")) {
                hops.add(hop.strip());
            }
        }
        var client = remote;
        for (int i = hops.size() - 1; i >= 0; i--) {
            var hop = hops.get(i);
            if (!LITERAL.matcher(hop).matches()) {
                // not an address: a proxy wrote nonsense, or a client did and no proxy came after it
                return client;
            }
            client = hop;
            if (!trusted(hop)) {
                return hop;
            }
        }
        return client;
    }

    private boolean trusted(String address) {
        // only literals reach the matcher: it would look a host name up
        return LITERAL.matcher(address).matches() && trusted.stream().anyMatch(m -> m.matches(address));
    }
}
