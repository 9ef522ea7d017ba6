package io.siyu.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.ApiClient;
import io.siyu.IntegrationTest;
import io.siyu.TestTenants;
import io.siyu.wecom.protocol.CallbackCrypto;
import io.siyu.wecom.protocol.CallbackXml;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class WeComCallbackIntegrationTests extends IntegrationTest {

    // The configuration of WeCom's own callback sample.
    static final String TOKEN = "QDG6eK";
    static final String AES_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    static final String CORP_ID = "wx5823bf96d3bd56c7";

    TestTenants.Fixture fixture;
    ApiClient admin;
    JsonNode app;
    final CallbackCrypto wecom = new CallbackCrypto(TOKEN, AES_KEY, CORP_ID);

    @BeforeEach
    void connect() {
        fixture = tenants.create();
        admin = ApiClient.loggedIn(port, fixture.admin());
        var created = admin.post("/api/v1/wecom/apps", """
                {"name": "客户联系", "corpId": "%s", "agentId": "1000002", "secret": "s3cr3t",
                 "token": "%s", "encodingAesKey": "%s"}""".formatted(CORP_ID, TOKEN, AES_KEY));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        app = created.json();
    }

    @Test
    void answersWeComsUrlCheckWithTheDecryptedEchoStringAsPlainText() {
        var echo = wecom.encrypt("8271929384756");
        var check = new ApiClient(port).get(url(echo, now(), "n1") + "&echostr=" + encode(echo));

        assertThat(check.status()).as(check.body()).isEqualTo(200);
        assertThat(check.body()).isEqualTo("8271929384756");
        assertThat(check.contentType()).startsWith("text/plain");
    }

    @Test
    void storesAnEventBeforeAnsweringAndProcessesItOnceWhenWeComDeliversItAgain() {
        var event = event("msg_audit_approved", "wmEXTERNAL1");

        var first = deliver(event, now(), "nonce-1");
        var again = deliver(event, now(), "nonce-2"); // WeCom's retry: new nonce, new encryption, same event

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).isEmpty();
        assertThat(again.status()).isEqualTo(200);
        assertThat(count("select count(*) from wecom_callback")).isEqualTo(1);
        assertThat(sql.single(fixture.tenant(), "select deliveries from wecom_callback", Integer.class))
                .isEqualTo(2);
        assertThat(sql.single(fixture.tenant(), "select kind from wecom_callback", String.class))
                .isEqualTo("change_external_contact:msg_audit_approved");
        // No handler knows this kind: it is kept and marked, never lost or retried forever.
        eventually(() -> assertThat(sql.single(fixture.tenant(), "select status from wecom_callback", String.class))
                .isEqualTo("skipped"));

        deliver(event("msg_audit_approved", "wmEXTERNAL2"), now(), "nonce-3");
        assertThat(count("select count(*) from wecom_callback"))
                .as("another event is another row")
                .isEqualTo(2);
    }

    @Test
    void anEventMissingWhatItNeedsIsKeptAsFailedAtOnceNotRetried() {
        var response = deliver(event("add_external_contact", ""), now(), "nonce-m");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        eventually(() -> assertThat(sql.single(fixture.tenant(), "select status from wecom_callback", String.class))
                .isEqualTo("failed"));
        assertThat(sql.single(fixture.tenant(), "select attempts from wecom_callback", Integer.class))
                .isEqualTo(1);
        assertThat(sql.single(fixture.tenant(), "select error from wecom_callback", String.class))
                .contains("ExternalUserID");
    }

    @Test
    void refusesForgedStaleMisaddressedAndMalformedCallbacksAndStoresNone() {
        var body = envelope(wecom.encrypt(event("del_follow_user", "wmX")));
        var encrypted = CallbackXml.envelope(body).encrypt();
        var anonymous = new ApiClient(port).language("en");

        var forged =
                post(anonymous, path() + "?msg_signature=" + "0".repeat(40) + "&timestamp=" + now() + "&nonce=n", body);
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.json().path("code").asString()).isEqualTo("wecom.callback.signature");

        long old = Instant.now().minusSeconds(3600).getEpochSecond();
        var stale = post(anonymous, url(encrypted, String.valueOf(old), "n"), body);
        assertThat(stale.json().path("code").asString()).isEqualTo("wecom.callback.stale");

        var otherCorp = new CallbackCrypto(TOKEN, AES_KEY, "wwANOTHERCORP");
        var misaddressed = otherCorp.encrypt(event("del_follow_user", "wmX"));
        var wrongReceiver = post(anonymous, url(misaddressed, now(), "n"), envelope(misaddressed));
        assertThat(wrongReceiver.status()).isEqualTo(403);
        assertThat(wrongReceiver.json().path("code").asString()).isEqualTo("wecom.callback.undecryptable");

        var broken = post(anonymous, url(encrypted, now(), "n"), "<xml><Encrypt>");
        assertThat(broken.status()).isEqualTo(400);
        var xxe = post(
                anonymous,
                url(encrypted, now(), "n"),
                "<!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><xml><Encrypt>&x;</Encrypt></xml>");
        assertThat(xxe.status()).isEqualTo(400);

        var unknown = post(anonymous, "/callbacks/wecom/nosuchkey?msg_signature=x&timestamp=1&nonce=n", body);
        assertThat(unknown.status()).isEqualTo(404);
        var huge = post(anonymous, url(encrypted, now(), "n"), "<xml>" + "x".repeat(70_000) + "</xml>");
        assertThat(huge.status()).isEqualTo(413);

        assertThat(count("select count(*) from wecom_callback")).isZero();
    }

    @Test
    void connectingAnAppNamesEachBadFieldAndNeverShowsTheSecretAgain() {
        assertThat(app.has("secret")).isFalse();
        assertThat(app.path("callbackPath").asString()).startsWith("/callbacks/wecom/");
        assertThat(app.path("apiBaseUrl").asString()).isEqualTo("https://qyapi.weixin.qq.com");

        var generated = admin.post(
                        "/api/v1/wecom/apps",
                        "{\"name\": \"第二个\", \"corpId\": \"ww2\", \"agentId\": \"7\", \"secret\": \"x\"}")
                .json();
        assertThat(generated.path("token").asString()).hasSize(32);
        assertThat(generated.path("encodingAesKey").asString()).hasSize(43);

        var bad = admin.language("en")
                .post(
                        "/api/v1/wecom/apps",
                        "{\"name\": \"\", \"corpId\": \"bad corp\", \"agentId\": \"x1\", \"token\": \"!\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json()
                        .path("errors")
                        .valueStream()
                        .map(e -> e.path("field").asString()))
                .containsExactlyInAnyOrder("name", "corpId", "agentId", "secret", "token");
        var twice = admin.post("/api/v1/wecom/apps", """
                {"name": "again", "corpId": "%s", "agentId": "1000002", "secret": "s"}""".formatted(CORP_ID));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(ApiClient.loggedIn(port, fixture.staff())
                        .get("/api/v1/wecom/apps")
                        .status())
                .isEqualTo(403);
    }

    private static String event(String changeType, String externalUserId) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("ToUserName", CORP_ID);
        fields.put("FromUserName", "sys");
        fields.put("CreateTime", 1732870000L);
        fields.put("MsgType", "event");
        fields.put("Event", "change_external_contact");
        fields.put("ChangeType", changeType);
        fields.put("UserID", "zhangsan");
        fields.put("ExternalUserID", externalUserId);
        return CallbackXml.message(fields);
    }

    private ApiClient.Response deliver(String event, String timestamp, String nonce) {
        var encrypted = wecom.encrypt(event);
        return post(new ApiClient(port), url(encrypted, timestamp, nonce), envelope(encrypted));
    }

    private static String envelope(String encrypted) {
        return CallbackXml.request(CORP_ID, encrypted, "1000002");
    }

    private String path() {
        return app.path("callbackPath").asString();
    }

    private String url(String encrypted, String timestamp, String nonce) {
        return path() + "?msg_signature=" + wecom.signature(timestamp, nonce, encrypted) + "&timestamp=" + timestamp
                + "&nonce=" + nonce;
    }

    private static ApiClient.Response post(ApiClient client, String path, String body) {
        return client.send("POST", path, BodyPublishers.ofString(body), "text/xml");
    }

    private static String now() {
        return String.valueOf(Instant.now().getEpochSecond());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private long count(String query) {
        return sql.count(fixture.tenant(), query);
    }
}
