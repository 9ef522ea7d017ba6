package siyu.wecom.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** A corp of one test: its ids, its app's token, and calls to the API and the sandbox on its behalf. */
final class TestCorp {

    final String corpId;
    final String agentId;
    final String secret;
    final String token;
    final String encodingAesKey;
    private final CallbackReceiver receiver;
    String accessToken;

    private TestCorp(String corpId, String agentId, CallbackReceiver receiver) {
        this.corpId = corpId;
        this.agentId = agentId;
        this.secret = Ids.token(32);
        this.token = "Tk" + Ids.welcomeCode().substring(0, 20);
        this.encodingAesKey = Ids.welcomeCode();
        this.receiver = receiver;
        this.accessToken = "";
    }

    static TestCorp register(String baseUrl, CallbackReceiver receiver, boolean withCallbacks) {
        var corp = new TestCorp("ww" + Ids.configId().substring(0, 16), "1000002", receiver);
        corp.addApp(corp.agentId, corp.secret, withCallbacks);
        corp.accessToken = corp.tokenFor(corp.secret);
        return corp;
    }

    /** Registers another app of this corp (secret is its own), with or without callbacks. */
    void addApp(String agentId, String secret, boolean withCallbacks) {
        var callbackUrl = withCallbacks ? receiver.register(corpId, token, encodingAesKey) : null;
        var body = new java.util.HashMap<String, Object>(Map.of(
                "corpId", corpId,
                "agentId", agentId,
                "secret", secret,
                "token", token,
                "encodingAesKey", encodingAesKey));
        if (callbackUrl != null) {
            body.put("callbackUrl", callbackUrl);
        }
        assertThat(Simulator.post("/sim/apps", Simulator.json(body)).status()).isEqualTo(201);
    }

    String tokenFor(String appSecret) {
        var answer = Simulator.get("/cgi-bin/gettoken?corpid=" + corpId + "&corpsecret=" + appSecret);
        assertThat(answer.errcode()).isZero();
        return answer.json().path("access_token").asString();
    }

    /** A GET of the API: {@code query} is what follows the access_token. */
    JsonNode get(String path, String query) {
        return Simulator.get("/cgi-bin/" + path + "?access_token=" + accessToken + (query.isEmpty() ? "" : "&" + query))
                .json();
    }

    /** A POST of the API with a JSON body. */
    JsonNode post(String path, Object body) {
        return post(path, body, accessToken);
    }

    JsonNode post(String path, Object body, String withToken) {
        var text = body instanceof String s ? s : Simulator.json(body);
        var response = Simulator.post("/cgi-bin/" + path + "?access_token=" + withToken, text);
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    /** media/upload of {@code content} as {@code type}; answers WeCom's JSON. */
    JsonNode upload(String type, String filename, byte[] content) {
        return Simulator.upload(
                        "/cgi-bin/media/upload?access_token=" + accessToken + "&type=" + type, filename, content)
                .json();
    }

    /** The media_id of a small PNG uploaded as an image. */
    String imageMediaId() {
        var answer = upload("image", "a.png", Media.png(64));
        assertThat(answer.path("errcode").asInt()).as(answer.toString()).isZero();
        return answer.path("media_id").asString();
    }

    /** A call of the sandbox under /sim/corps/{corpId}. */
    Simulator.Response sim(String method, String path, @Nullable Object body) {
        var url = "/sim/corps/" + corpId + path;
        return method.equals("GET")
                ? Simulator.get(url)
                : Simulator.post(url, body == null ? "{}" : Simulator.json(body));
    }

    JsonNode state() {
        return sim("GET", "", null).json();
    }

    CallbackReceiver.Received nextCallback() {
        return receiver.next(corpId);
    }

    /** Makes a 联系我 way and answers its config_id. */
    String contactWay(Map<String, Object> body) {
        var answer = post("externalcontact/add_contact_way", body);
        assertThat(answer.path("errcode").asInt()).as(answer.toString()).isZero();
        return answer.path("config_id").asString();
    }

    /** A new customer scans the way; the add_external_contact callback is taken. */
    JsonNode scan(String configId, String name) {
        var answer = sim("POST", "/scan", Map.of("configId", configId, "customer", Map.of("name", name, "gender", 1)));
        assertThat(answer.status()).as(answer.json().toString()).isEqualTo(200);
        nextCallback();
        return answer.json();
    }
}
