package io.siyu.wecom;

import io.siyu.shared.DomainException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operator's window on the WeCom simulator ({@code siyu.wecom.sandbox-url}): play a customer who scans
 * a live code, read the chat the customer sees, delete a staff member as the customer. Everything goes
 * through the simulator's own controls ({@code /sim}), and what Siyu does about it arrives, as from WeCom,
 * by encrypted callback.
 */
@Service
public class WeComSandbox {

    /** Whether a simulator is configured, and the app connected to it. */
    public record Status(
            boolean enabled, @Nullable Long appId, @Nullable String corpId) {}

    public record Scanned(
            String externalUserId,
            String userId,
            String staffName,
            @Nullable String welcomeCode) {}

    public record Attachment(
            String type,
            @Nullable String title,
            @Nullable String url,
            @Nullable String picUrl,
            @Nullable String description) {}

    public record JoinedGroup(String externalUserId, String chatId, String groupName) {}

    public record Message(String at, String from, @Nullable String text, List<Attachment> attachments) {}

    public record Staff(String userId, String name) {}

    public record Chat(
            @Nullable Long customerId,
            String customerName,
            @Nullable Staff staff,
            List<Message> messages) {}

    private final @Nullable String url;
    private final WeComApps apps;
    private final ChannelCodes codes;
    private final GroupCodes groupCodes;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    WeComSandbox(
            WeComProperties properties,
            WeComApps apps,
            ChannelCodes codes,
            GroupCodes groupCodes,
            JdbcClient jdbc,
            TransactionTemplate transactions) {
        this.url = properties.sandboxUrl() == null || properties.sandboxUrl().isBlank()
                ? null
                : properties.sandboxUrl().replaceAll("/+$", "");
        this.apps = apps;
        this.codes = codes;
        this.groupCodes = groupCodes;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Nullable
    String url() {
        return url;
    }

    public Status status() {
        var app = app();
        return new Status(
                url != null,
                app.map(WeComApp::id).orElse(null),
                app.map(WeComApp::corpId).orElse(null));
    }

    /** A WeChat user called {@code name} scans live code {@code codeId}. */
    public Scanned scan(long codeId, String name, String gender) {
        var app = requireApp();
        var code = java.util.Objects.requireNonNull(transactions.execute(s -> codes.get(codeId)));
        if (code.appId() != app.id() || code.configId() == null) {
            throw DomainException.invalid("codeId", "wecom.sandbox.code");
        }
        var answer = call(
                "POST",
                "/sim/corps/" + app.corpId() + "/scan",
                Map.of("configId", code.configId(), "customer", customer(name, gender)));
        var userId = answer.path("userId").asString();
        return new Scanned(
                answer.path("externalUserId").asString(),
                userId,
                staffName(app, userId),
                answer.path("welcomeCode").asString(null));
    }

    /**
     * A WeChat user called {@code name} scans group live code {@code groupCodeId} and joins the group its join
     * way offers (WeCom: change_external_chat add_member, join scene 3).
     */
    public JoinedGroup scanGroup(long groupCodeId, String name, String gender) {
        var app = requireApp();
        var code = java.util.Objects.requireNonNull(transactions.execute(s -> groupCodes.get(groupCodeId)));
        if (code.appId() != app.id() || code.configId() == null) {
            throw DomainException.invalid("groupCodeId", "wecom.sandbox.code");
        }
        var answer = call(
                "POST",
                "/sim/corps/" + app.corpId() + "/scan",
                Map.of("configId", code.configId(), "customer", customer(name, gender)));
        var chatId = answer.path("chatId").asString();
        var groupName = transactions.execute(
                s -> jdbc.sql("select nullif(name, '') from wecom_group where app_id = ? and chat_id = ?")
                        .params(app.id(), chatId)
                        .query(String.class)
                        .optional()
                        .orElse(null));
        return new JoinedGroup(
                answer.path("externalUserId").asString(), chatId, groupName == null ? chatId : groupName);
    }

    private static Map<String, Object> customer(String name, String gender) {
        if (name.isBlank() || name.length() > 32) {
            throw DomainException.invalid("customer.name", "wecom.sandbox.name");
        }
        var customer = new LinkedHashMap<String, Object>();
        customer.put("name", name.strip());
        customer.put(
                "gender",
                switch (gender) {
                    case "male" -> 1;
                    case "female" -> 2;
                    default -> 0;
                });
        return customer;
    }

    /** What the customer's chat shows, and the customer Siyu made of them once the callback is processed. */
    public Chat chat(String externalUserId) {
        var app = requireApp();
        var answer = call("GET", "/sim/corps/" + app.corpId() + "/customers/" + externalUserId + "/chat", null);
        var messages = new java.util.ArrayList<Message>();
        String lastFrom = null;
        for (var line : answer) {
            var attachments = new java.util.ArrayList<Attachment>();
            for (var a : line.path("attachments")) {
                var type = a.path("msgtype").asString("link");
                var body = a.path(type);
                attachments.add(new Attachment(
                        type,
                        body.path("title").asString(null),
                        body.path("url").asString(null),
                        body.path("picurl").asString(body.path("pic_url").asString(null)),
                        body.path("desc").asString(null)));
            }
            var text = line.path("text").asString("");
            lastFrom = line.path("from").asString(null);
            messages.add(new Message(
                    java.time.Instant.ofEpochSecond(line.path("time").asLong()).toString(),
                    "transfer".equals(line.path("kind").asString()) ? "system" : "staff",
                    text.isEmpty() ? null : text,
                    attachments));
        }
        var relation = transactions.execute(s -> jdbc.sql("select customer_id, user_id, name from wecom_contact"
                        + " where app_id = ? and external_user_id = ? order by added_at desc limit 1")
                .params(app.id(), externalUserId)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)})
                .optional());
        var staffId =
                relation.map(r -> (String) r[1]).orElse(answer.path("userId").asString(null));
        return new Chat(
                relation.map(r -> (Long) r[0]).orElse(null),
                relation.map(r -> (String) r[2]).orElse(""),
                staffId == null ? null : new Staff(staffId, staffName(app, staffId)),
                messages);
    }

    /** A 企业群发 task waiting for the staff member to confirm it in their WeCom client. */
    public record PendingMessage(
            String msgid, String createTime, @Nullable String text, int attachments, int recipients, int reminders) {}

    /** What the staff member is asked to send (企业群发 tasks they have not confirmed). */
    public List<PendingMessage> pendingMessages(String userId) {
        var app = requireApp();
        var answer = call("GET", "/sim/corps/" + app.corpId() + "/staff/" + userId + "/group-message-tasks", null);
        var pending = new java.util.ArrayList<PendingMessage>();
        for (var task : answer) {
            var text = task.path("text");
            pending.add(new PendingMessage(
                    task.path("msgid").asString(),
                    java.time.Instant.ofEpochSecond(task.path("createTime").asLong())
                            .toString(),
                    text.isObject() ? text.path("content").asString(null) : text.asString(null),
                    task.path("attachments").size(),
                    task.path("recipients").isArray()
                            ? task.path("recipients").size()
                            : task.path("recipients").asInt(),
                    task.path("reminders").asInt()));
        }
        return pending;
    }

    /** The staff member confirms a 企业群发 task in their client: the customers receive it. */
    public void confirmMessage(String userId, String msgid) {
        var app = requireApp();
        call("POST", "/sim/corps/" + app.corpId() + "/group-messages/" + msgid + "/send", Map.of("userId", userId));
    }

    /** The customer deletes the staff member (WeCom: del_follow_user). */
    public void deleteStaff(String externalUserId, String userId) {
        var app = requireApp();
        call(
                "POST",
                "/sim/corps/" + app.corpId() + "/customers/" + externalUserId + "/delete-staff",
                Map.of("userId", userId));
    }

    Optional<WeComApp> app() {
        if (url == null) {
            return Optional.empty();
        }
        return java.util.Objects.requireNonNull(transactions.execute(
                s -> apps.all().stream().filter(a -> url.equals(a.apiBaseUrl())).findFirst()));
    }

    private WeComApp requireApp() {
        return app().orElseThrow(() -> new DomainException(HttpStatus.CONFLICT, "wecom.sandbox.off"));
    }

    private String staffName(WeComApp app, String userId) {
        return java.util.Objects.requireNonNull(
                transactions.execute(s -> jdbc.sql("select name from wecom_staff where app_id = ? and user_id = ?")
                        .params(app.id(), userId)
                        .query(String.class)
                        .optional()
                        .orElse(userId)));
    }

    /** Calls the simulator's controls; its refusals come back as 400 with its message, its absence as 502. */
    JsonNode call(String method, String path, @Nullable Object body) {
        var request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(20));
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .method(
                            method,
                            HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8));
        }
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            var answer = response.body().isBlank() ? json.createObjectNode() : json.readTree(response.body());
            if (response.statusCode() >= 400) {
                throw new DomainException(
                        HttpStatus.BAD_REQUEST,
                        "wecom.sandbox.refused",
                        answer.path("errmsg").asString(response.body()));
            }
            return answer;
        } catch (IOException e) {
            throw new DomainException(HttpStatus.BAD_GATEWAY, "wecom.sandbox.unreachable", url);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DomainException(HttpStatus.BAD_GATEWAY, "wecom.sandbox.unreachable", url);
        }
    }
}
