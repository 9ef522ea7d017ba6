package io.siyu.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.ApiClient;
import io.siyu.IntegrationTest;
import io.siyu.TestTenants;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The material library and the 话术库 over HTTP, against PostgreSQL. */
class ContentIntegrationTests extends IntegrationTest {

    TestTenants.Fixture fixture;
    ApiClient admin;

    @BeforeEach
    void login() {
        fixture = tenants.create();
        admin = ApiClient.loggedIn(port, fixture.admin());
    }

    @Test
    void anUploadedImageBecomesAMaterialServedBackWithItsSizeAndFoundByKindGroupAndWords() throws IOException {
        var uploaded = admin.upload("/api/v1/material-files", "../../新品海报.png", png(300, 200));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        assertThat(uploaded.json().path("contentType").asString()).isEqualTo("image/png");
        assertThat(uploaded.json().path("width").asInt()).isEqualTo(300);
        assertThat(uploaded.json().path("name").asString())
                .as("no path from the browser is kept")
                .isEqualTo("新品海报.png");
        long group = admin.post("/api/v1/material-groups", "{\"name\": \"双十一\"}")
                .json()
                .path("id")
                .asLong();

        var image = admin.post("/api/v1/materials", """
                {"kind": "poster", "groupId": %d, "tags": ["大促", "大促", "秋冬"], "fileId": %d}""".formatted(
                        group, uploaded.json().path("id").asLong()));
        assertThat(image.status()).as(image.body()).isEqualTo(201);
        assertThat(image.json().path("title").asString())
                .as("the file's name when no title is given")
                .isEqualTo("新品海报.png");
        assertThat(strings(image.json().path("tags"))).containsExactly("大促", "秋冬");
        var link = admin.post("/api/v1/materials", """
                {"kind": "link", "title": "秋冬护肤指南", "description": "三步搞定换季干皮", "url": "https://example.com/guide?a=1"}""");
        assertThat(link.status()).as(link.body()).isEqualTo(201);

        var served =
                admin.get("/api/v1/material-files/" + uploaded.json().path("id").asLong());
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.contentType()).isEqualTo("image/png");
        assertThat(titles(admin.get("/api/v1/materials?kind=poster").json())).containsExactly("新品海报.png");
        assertThat(titles(admin.get("/api/v1/materials?groupId=0").json())).containsExactly("秋冬护肤指南");
        assertThat(titles(admin.get("/api/v1/materials?q=%E6%8D%A2%E5%AD%A3").json()))
                .as("words in the description")
                .containsExactly("秋冬护肤指南");
        assertThat(titles(admin.get("/api/v1/materials?q=%25").json()))
                .as("a % is a character, not a wildcard")
                .isEmpty();
        var kinds = admin.get("/api/v1/materials/kinds").json();
        assertThat(kinds.path("poster").asLong()).isEqualTo(1);
        assertThat(kinds.path("link").asLong()).isEqualTo(1);
        assertThat(kinds.path("video").asLong()).isZero();
        var groups = admin.get("/api/v1/material-groups").json();
        assertThat(groups.path("groups").get(0).path("count").asLong()).isEqualTo(1);
        assertThat(groups.path("ungrouped").asLong()).isEqualTo(1);

        admin.delete("/api/v1/material-groups/" + group);
        assertThat(admin.get("/api/v1/materials/" + image.json().path("id").asLong())
                        .json()
                        .path("groupId")
                        .isNull())
                .as("a deleted group's materials stay, in no group")
                .isTrue();
        assertThat(admin.delete("/api/v1/materials/" + image.json().path("id").asLong())
                        .status())
                .isEqualTo(204);
        assertThat(admin.get("/api/v1/material-files/"
                                + uploaded.json().path("id").asLong())
                        .status())
                .as("a file no material uses any more is gone")
                .isEqualTo(404);
    }

    @Test
    void materialsArePagedNewestFirstByCursor() {
        for (int i = 0; i < 5; i++) {
            admin.post("/api/v1/materials", """
                    {"kind": "article", "title": "文章%d", "body": "正文"}""".formatted(i));
        }
        var first = admin.get("/api/v1/materials?limit=3").json();
        assertThat(titles(first)).containsExactly("文章4", "文章3", "文章2");
        var second = admin.get("/api/v1/materials?limit=3&cursor="
                        + first.path("nextCursor").asString())
                .json();
        assertThat(titles(second)).containsExactly("文章1", "文章0");
        assertThat(second.path("nextCursor").isNull()).isTrue();
    }

    @Test
    void aBadMaterialIsRefusedNamingEachFieldInTheCallersLanguage() throws IOException {
        var bad = admin.language("en").post("/api/v1/materials", """
                {"kind": "miniprogram", "title": "", "url": "javascript:alert(1)", "appId": "wx123",
                 "tags": ["", "ok"], "coverId": 999999, "groupId": 999999}""");
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(fields(bad.json()))
                .containsExactlyInAnyOrder("title", "url", "appId", "page", "tags[0]", "coverId", "groupId");
        assertThat(bad.body()).contains("wx followed by 16");

        var zh = admin.language("zh-CN").post("/api/v1/materials", "{\"kind\": \"image\", \"title\": \"图\"}");
        assertThat(zh.json().path("errors").get(0).path("message").asString()).contains("请上传 JPG、PNG 或 GIF 图片");

        var text = admin.upload("/api/v1/material-files", "notes.txt", "not an image".getBytes(StandardCharsets.UTF_8));
        assertThat(text.status()).isEqualTo(201);
        assertThat(text.json().path("contentType").asString()).isEqualTo("application/octet-stream");
        var notImage = admin.post(
                "/api/v1/materials", """
                {"kind": "image", "fileId": %d}""".formatted(text.json().path("id").asLong()));
        assertThat(fields(notImage.json())).containsExactly("fileId");
        var served =
                admin.get("/api/v1/material-files/" + text.json().path("id").asLong());
        assertThat(served.body()).isEqualTo("not an image");
        assertThat(served.contentType()).isEqualTo("application/octet-stream");

        var fakePng = new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        var broken = admin.language("en").upload("/api/v1/material-files", "x.png", fakePng);
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.body()).contains("cannot be read");
        var real = png(40, 40);
        var damaged = java.util.Arrays.copyOf(real, real.length);
        java.util.Arrays.fill(damaged, 16, damaged.length, (byte) 7);
        var junk = admin.language("en").upload("/api/v1/material-files", "damaged.png", damaged);
        assertThat(junk.status()).as(junk.body()).isEqualTo(400);
        assertThat(junk.body()).contains("cannot be read");
        var big = admin.language("en").upload("/api/v1/material-files", "big.png", bigPngHeader());
        assertThat(big.status()).isEqualTo(413);
        assertThat(big.body()).contains("10 MB");

        var article = admin.post("/api/v1/materials", "{\"kind\": \"article\", \"title\": \"空文章\"}");
        assertThat(fields(article.json())).containsExactly("body");
        assertThat(sql.count(fixture.tenant(), "select count(*) from material")).isZero();
        assertThat(ApiClient.loggedIn(port, fixture.staff())
                        .post("/api/v1/materials", "{\"kind\": \"link\"}")
                        .status())
                .as("staff read the library but do not change it")
                .isEqualTo(403);
        assertThat(ApiClient.loggedIn(port, fixture.staff())
                        .get("/api/v1/materials")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void scriptsAreGroupedOrderedFoundByKeywordAndCarryTheirMaterials() {
        long greet = group("开场白");
        long after = group("售后");
        var link = admin.post("/api/v1/materials", """
                {"kind": "link", "title": "会员权益", "url": "https://example.com/vip"}""").json();
        var script = admin.post(
                "/api/v1/scripts", """
                {"groupId": %d, "title": "新客欢迎", "content": "您好，我是您的专属顾问～", "keywords": ["欢迎", "新客"],
                 "materialIds": [%d]}""".formatted(greet, link.path("id").asLong()));
        assertThat(script.status()).as(script.body()).isEqualTo(201);
        assertThat(script.json().path("materials").get(0).path("title").asString())
                .isEqualTo("会员权益");
        admin.post("/api/v1/scripts", """
                {"groupId": %d, "title": "退换货", "content": "七天无理由退换"}""".formatted(after));

        assertThat(scriptTitles("q=%E6%96%B0%E5%AE%A2")).as("by keyword").containsExactly("新客欢迎");
        assertThat(scriptTitles("q=%E6%97%A0%E7%90%86%E7%94%B1"))
                .as("by content")
                .containsExactly("退换货");
        assertThat(scriptTitles("groupId=" + after)).containsExactly("退换货");

        var moved = admin.patch("/api/v1/script-groups/" + after, "{\"position\": 0}");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(admin.get("/api/v1/script-groups")
                        .json()
                        .valueStream()
                        .map(g -> g.path("name").asString())
                        .toList())
                .containsExactly("售后", "开场白");

        long scriptId = script.json().path("id").asLong();
        admin.post("/api/v1/scripts/" + scriptId + "/used", "{}");
        assertThat(admin.get("/api/v1/scripts/" + scriptId).json().path("uses").asInt())
                .isEqualTo(1);
        admin.delete("/api/v1/materials/" + link.path("id").asLong());
        assertThat(admin.get("/api/v1/scripts/" + scriptId).json().path("materials"))
                .as("a deleted material leaves the scripts that carried it")
                .isEmpty();

        var full = admin.language("en").delete("/api/v1/script-groups/" + greet);
        assertThat(full.status()).isEqualTo(409);
        assertThat(full.body()).contains("still holds 1 scripts");
        var bad = admin.language("en").post("/api/v1/scripts", """
                {"groupId": 999999, "title": "x", "content": "", "materialIds": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]}""");
        assertThat(fields(bad.json())).contains("groupId", "content", "materialIds", "materialIds[0]");
    }

    private long group(String name) {
        var made = admin.post("/api/v1/script-groups", "{\"name\": \"" + name + "\"}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        return made.json().path("id").asLong();
    }

    private List<String> scriptTitles(String query) {
        return titles(admin.get("/api/v1/scripts?" + query).json());
    }

    private static List<String> titles(JsonNode page) {
        return page.path("items")
                .valueStream()
                .map(m -> m.path("title").asString())
                .toList();
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    private static List<String> fields(JsonNode problem) {
        var fields = new ArrayList<String>();
        problem.path("errors").forEach(e -> fields.add(e.path("field").asString()));
        return fields;
    }

    private static byte[] png(int width, int height) throws IOException {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** Over 10 MB that start like a PNG. */
    private static byte[] bigPngHeader() {
        var bytes = new byte[10 * 1024 * 1024 + 1];
        bytes[0] = (byte) 0x89;
        bytes[1] = 'P';
        bytes[2] = 'N';
        bytes[3] = 'G';
        return bytes;
    }
}
