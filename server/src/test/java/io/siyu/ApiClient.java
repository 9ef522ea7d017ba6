package io.siyu;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A browser-like HTTP client for tests: keeps cookies, echoes the CSRF cookie as the console does, and can
 * act as a machine client with an API key. Talks real HTTP to the running server.
 */
public final class ApiClient {

    /** A response with its body parsed as JSON (null when empty or not JSON). */
    public record Response(int status, @Nullable JsonNode json, String body, String contentType) {
        public String text(String field) {
            return json == null ? "" : json.path(field).asString();
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private String language = "zh-CN";
    private @Nullable String apiKey;
    private boolean echoCsrf = true;
    private final java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();

    public ApiClient(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    /** A browser session already logged in as {@code username} of a {@link TestTenants} fixture. */
    public static ApiClient loggedIn(int port, String username) {
        var client = new ApiClient(port);
        var response = client.login(username, TestTenants.PASSWORD);
        if (response.status() != 200) {
            throw new IllegalStateException("login of " + username + " failed: " + response.body());
        }
        return client;
    }

    public ApiClient language(String language) {
        this.language = language;
        return this;
    }

    /** Behaves like a cross-site page: sends the cookies but cannot read the CSRF cookie to echo it. */
    public ApiClient withoutCsrfEcho() {
        this.echoCsrf = false;
        return this;
    }

    /** Sends {@code name: value} with every request from now on (a phone's User-Agent, a page's device id). */
    public ApiClient header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public ApiClient apiKey(@Nullable String apiKey) {
        this.apiKey = apiKey;
        return this;
    }

    public Response login(String username, String password) {
        get("/api/v1/auth/session");
        return post(
                "/api/v1/auth/login",
                JSON.createObjectNode()
                        .put("username", username)
                        .put("password", password)
                        .toString());
    }

    public Response get(String path) {
        return send("GET", path, BodyPublishers.noBody(), null);
    }

    public Response post(String path, String json) {
        return send("POST", path, BodyPublishers.ofString(json), "application/json");
    }

    public Response put(String path, String json) {
        return send("PUT", path, BodyPublishers.ofString(json), "application/json");
    }

    public Response patch(String path, String json) {
        return send("PATCH", path, BodyPublishers.ofString(json), "application/json");
    }

    public Response delete(String path) {
        return send("DELETE", path, BodyPublishers.noBody(), null);
    }

    /** POSTs {@code content} as the multipart field {@code file}, as a browser's file upload does. */
    public Response upload(String path, String fileName, byte[] content) {
        var boundary = "----siyu" + System.nanoTime();
        var body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return send(
                "POST",
                path,
                BodyPublishers.ofByteArray(body.toByteArray()),
                "multipart/form-data; boundary=" + boundary);
    }

    public Response send(String method, String path, BodyPublisher body, @Nullable String contentType) {
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body)
                .header("Accept-Language", language);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        headers.forEach(request::header);
        var csrf = csrfToken();
        if (csrf != null && echoCsrf) {
            request.header("X-XSRF-TOKEN", csrf);
        }
        try {
            var response = http.send(request.build(), BodyHandlers.ofString());
            var text = response.body();
            var type = response.headers().firstValue("Content-Type").orElse("");
            JsonNode json = null;
            if (type.contains("json") && !text.isEmpty()) {
                json = JSON.readTree(text);
            }
            return new Response(response.statusCode(), json, text, type);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The raw body of a GET, for downloads such as XLSX files. */
    public byte[] getBytes(String path) {
        var request = HttpRequest.newBuilder(URI.create(base + path)).GET().header("Accept-Language", language);
        headers.forEach(request::header);
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        try {
            var response = http.send(request.build(), BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Replaces the session cookie, as a browser holding a stale cookie would send it. */
    public void useSessionCookie(String value) {
        var cookie = new HttpCookie("SIYU_SESSION", value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(base), cookie);
    }

    private @Nullable String csrfToken() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElse(null);
    }

    public static String json(Object... keyValues) {
        var node = JSON.createObjectNode();
        for (int i = 0; i < keyValues.length; i += 2) {
            node.putPOJO((String) keyValues[i], keyValues[i + 1]);
        }
        return node.toString();
    }
}
