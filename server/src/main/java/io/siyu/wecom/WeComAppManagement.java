package io.siyu.wecom;

import io.siyu.shared.DomainException;
import io.siyu.shared.FieldProblem;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Connecting WeCom apps: what the operator copies from WeCom's admin console (corp id, agent id, secret),
 * and the callback Token and EncodingAESKey, which Siyu generates when they are not given so that they can be
 * pasted into WeCom's callback settings.
 */
@Service
public class WeComAppManagement {

    /** The input of a create or an update; an update keeps the secret when none is given. */
    public record AppInput(
            @Nullable String name,
            @Nullable String corpId,
            @Nullable String agentId,
            @Nullable String secret,
            @Nullable String token,
            @Nullable String encodingAesKey,
            @Nullable String apiBaseUrl) {}

    private static final Pattern CORP_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern AGENT_ID = Pattern.compile("[0-9]{1,20}");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9]{1,32}");
    private static final Pattern AES_KEY = Pattern.compile("[A-Za-z0-9]{43}");

    /** What a connection check found: the app's name as WeCom knows it. */
    public record Check(String name) {}

    private final WeComApps apps;
    private final WeComClient client;
    private final TransactionTemplate transactions;

    WeComAppManagement(WeComApps apps, WeComClient client, TransactionTemplate transactions) {
        this.apps = apps;
        this.client = client;
        this.transactions = transactions;
    }

    /**
     * Asks WeCom for the app's details with its secret: proves corp id, secret and agent id belong together
     * and that WeCom answers this server. Not in a transaction: it waits on the network.
     *
     * @throws WeComApiException what WeCom answered instead
     */
    public Check check(long id) {
        var app = java.util.Objects.requireNonNull(transactions.execute(status -> app(id)));
        var answer = client.get(app, "agent/get", java.util.Map.of("agentid", app.agentId()));
        return new Check(answer.path("name").asString(app.name()));
    }

    @Transactional(readOnly = true)
    public List<WeComApp> apps() {
        return apps.all();
    }

    @Transactional(readOnly = true)
    public WeComApp app(long id) {
        return apps.find(id).orElseThrow(() -> DomainException.notFound("wecom-app", id));
    }

    @Transactional
    public WeComApp connect(AppInput input) {
        var problems = new ArrayList<FieldProblem>();
        var name = name(input.name(), problems);
        var corpId = matching("corpId", input.corpId(), CORP_ID, "wecom.app.corp-id", problems);
        var agentId = matching("agentId", input.agentId(), AGENT_ID, "wecom.app.agent-id", problems);
        var secret = secret(input.secret(), true, problems);
        var token = input.token() == null || input.token().isBlank()
                ? random(32)
                : matching("token", input.token(), TOKEN, "wecom.app.token", problems);
        var aesKey = input.encodingAesKey() == null || input.encodingAesKey().isBlank()
                ? random(43)
                : matching("encodingAesKey", input.encodingAesKey(), AES_KEY, "wecom.app.aes-key", problems);
        var baseUrl = baseUrl(input.apiBaseUrl(), problems);
        if (!problems.isEmpty()) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "problem.invalid-request", problems);
        }
        try {
            long id = apps.insert(name, corpId, agentId, secret, token, aesKey, random(24), baseUrl);
            return app(id);
        } catch (DuplicateKeyException e) {
            throw new DomainException(HttpStatus.CONFLICT, "wecom.app.exists", corpId, agentId);
        }
    }

    @Transactional
    public WeComApp update(long id, AppInput input) {
        var current = app(id);
        var problems = new ArrayList<FieldProblem>();
        var name = input.name() == null ? current.name() : name(input.name(), problems);
        var secret = input.secret() == null ? null : secret(input.secret(), false, problems);
        var token = input.token() == null
                ? current.token()
                : matching("token", input.token(), TOKEN, "wecom.app.token", problems);
        var aesKey = input.encodingAesKey() == null
                ? current.encodingAesKey()
                : matching("encodingAesKey", input.encodingAesKey(), AES_KEY, "wecom.app.aes-key", problems);
        var baseUrl = input.apiBaseUrl() == null ? current.apiBaseUrl() : baseUrl(input.apiBaseUrl(), problems);
        if (!problems.isEmpty()) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "problem.invalid-request", problems);
        }
        apps.update(id, name, secret, token, aesKey, baseUrl);
        client.forget(id);
        return app(id);
    }

    @Transactional
    public void disconnect(long id) {
        if (!apps.delete(id)) {
            throw DomainException.notFound("wecom-app", id);
        }
        client.forget(id);
    }

    private static String name(@Nullable String name, List<FieldProblem> problems) {
        var stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty() || stripped.codePointCount(0, stripped.length()) > 60) {
            problems.add(new FieldProblem("name", "wecom.app.name"));
        }
        return stripped;
    }

    private static String matching(
            String field, @Nullable String value, Pattern pattern, String code, List<FieldProblem> problems) {
        var stripped = value == null ? "" : value.strip();
        if (!pattern.matcher(stripped).matches()) {
            problems.add(new FieldProblem(field, code));
        }
        return stripped;
    }

    private static String secret(@Nullable String secret, boolean required, List<FieldProblem> problems) {
        var stripped = secret == null ? "" : secret.strip();
        if ((required || secret != null) && (stripped.isEmpty() || stripped.length() > 256)) {
            problems.add(new FieldProblem("secret", "wecom.app.secret"));
        }
        return stripped;
    }

    private static @Nullable String baseUrl(@Nullable String url, List<FieldProblem> problems) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            var uri = URI.create(url.strip());
            if (uri.getHost() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            problems.add(new FieldProblem("apiBaseUrl", "wecom.app.base-url"));
        }
        return url.strip().replaceAll("/+$", "");
    }

    static String random(int length) {
        return io.siyu.wecom.protocol.RandomText.alphanumeric(length);
    }
}
