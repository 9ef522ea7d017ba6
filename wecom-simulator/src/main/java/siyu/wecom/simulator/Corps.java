package siyu.wecom.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The simulated corps, their self-built apps and the access tokens issued to them. Tokens live 7,200 s
 * like WeCom's, can be revoked early (WeCom reserves the right to), and a corp can be told to answer its
 * next calls with an error (busy, rate limited) to exercise a client's retries.
 */
@Component
public class Corps {

    /** WeCom's token lifetime. */
    public static final Duration TOKEN_LIFETIME = Duration.ofSeconds(7_200);

    /** A self-built app of a corp, with its callback settings. */
    public record App(
            String corpId,
            String agentId,
            String name,
            String secret,
            String token,
            String encodingAesKey,
            @Nullable String callbackUrl) {}

    private record Issued(String corpId, String agentId, Instant expiresAt) {}

    private final Map<String, Map<String, App>> apps = new ConcurrentHashMap<>();
    private final Map<String, Issued> tokens = new ConcurrentHashMap<>();
    private final Map<String, Deque<Integer>> faults = new ConcurrentHashMap<>();
    private final Set<String> outsideCustomerContact = ConcurrentHashMap.newKeySet();
    private final SimulatedClock clock;

    Corps(SimulatedClock clock) {
        this.clock = clock;
    }

    public App register(App app) {
        apps.computeIfAbsent(app.corpId(), c -> new ConcurrentHashMap<>()).put(app.agentId(), app);
        return app;
    }

    public Collection<App> apps(String corpId) {
        return apps.getOrDefault(corpId, Map.of()).values();
    }

    public Optional<App> app(String corpId, String agentId) {
        return Optional.ofNullable(apps.getOrDefault(corpId, Map.of()).get(agentId));
    }

    /** gettoken: 40013 for an unknown corp, 40001 for a secret none of its apps has. */
    public String issue(String corpId, String secret) {
        var corp = apps.get(corpId);
        if (corp == null) {
            throw new WeComError(40013, "invalid corpid");
        }
        var app = corp.values().stream()
                .filter(a -> a.secret().equals(secret))
                .findFirst()
                .orElseThrow(() -> new WeComError(40001, "invalid credential"));
        fault(corpId);
        var token = random(64);
        tokens.put(token, new Issued(corpId, app.agentId(), clock.now().plus(TOKEN_LIFETIME)));
        return token;
    }

    /** The app a token was issued to: 41001 without one, 40014 for an unknown one, 42001 once expired. */
    public App authorize(@Nullable String token) {
        if (token == null || token.isBlank()) {
            throw WeComError.missingToken();
        }
        var issued = tokens.get(token);
        if (issued == null) {
            throw WeComError.invalidToken();
        }
        if (!clock.now().isBefore(issued.expiresAt())) {
            throw WeComError.expiredToken();
        }
        fault(issued.corpId());
        return app(issued.corpId(), issued.agentId()).orElseThrow(WeComError::invalidToken);
    }

    /**
     * {@link #authorize} for the 客户联系 APIs: 48002 unless the app is one of the corp's 「客户联系 → 可调用接口的应用」
     * (every app is, until {@link #allowCustomerContact} says otherwise).
     */
    public App authorizeCustomerContact(@Nullable String token) {
        var app = authorize(token);
        if (outsideCustomerContact.contains(app.corpId() + "/" + app.agentId())) {
            throw new WeComError(48002, "api forbidden");
        }
        return app;
    }

    /** Puts the app in or out of 「客户联系 → 可调用接口的应用」. */
    public void allowCustomerContact(String corpId, String agentId, boolean allowed) {
        if (allowed) {
            outsideCustomerContact.remove(corpId + "/" + agentId);
        } else {
            outsideCustomerContact.add(corpId + "/" + agentId);
        }
    }

    /** Every token of the corp stops working now, before its time. */
    public void revokeTokens(String corpId) {
        tokens.values().removeIf(issued -> issued.corpId().equals(corpId));
    }

    /** The corp's next {@code times} calls answer {@code errcode} (-1 busy, 45009 rate, 45033 concurrency). */
    public void failNext(String corpId, int errcode, int times) {
        var queue = faults.computeIfAbsent(corpId, c -> new ArrayDeque<>());
        synchronized (queue) {
            for (int i = 0; i < times; i++) {
                queue.add(errcode);
            }
        }
    }

    private void fault(String corpId) {
        var queue = faults.get(corpId);
        if (queue == null) {
            return;
        }
        Integer errcode;
        synchronized (queue) {
            errcode = queue.poll();
        }
        if (errcode != null) {
            throw new WeComError(
                    errcode,
                    switch (errcode) {
                        case -1 -> "system busy";
                        case 45009 -> "api freq out of limit";
                        case 45033 -> "api concurrent out of limit";
                        default -> "simulated error";
                    });
        }
    }

    static String random(int length) {
        return Ids.token(length);
    }
}
