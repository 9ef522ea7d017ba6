package io.siyu.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.ApiClient;
import io.siyu.wecom.ConnectedCorpTest;
import io.siyu.wecom.WeComSimulatorSupport;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * 客户朋友圈 tasks against the WeCom simulator: made in WeCom once (a lost answer is found in WeCom's list of
 * posts), who published it learned from WeCom, cancelled in WeCom, and bad tasks refused field by field.
 */
class MomentIntegrationTests extends ConnectedCorpTest {

    @AfterEach
    void clearFaults() {
        WeComSimulatorSupport.corps().clearFaults(corp.corpId());
    }

    @Test
    void aPostWithImagesIsMadeInWeComOnceAndWhoPublishedItIsLearned() throws IOException {
        long image = image();
        var made = admin.post("/api/v1/moments", """
                {"appId": %d, "name": "新品上市", "text": "秋冬新品上市，点击了解", "materialIds": [%d],
                 "staff": ["lina", "wangfang"]}""".formatted(corp.appId(), image));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        long id = made.json().path("id").asLong();

        eventually(() -> assertThat(moment(id).path("status").asString()).isEqualTo("created"));
        var posts = simMoments();
        assertThat(posts).hasSize(1);
        var post = posts.getFirst();
        assertThat(post.path("text").asString()).isEqualTo("秋冬新品上市，点击了解");
        assertThat(post.path("attachments").get(0).path("msgtype").asString()).isEqualTo("image");
        assertThat(moment(id).path("momentId").asString())
                .isEqualTo(post.path("momentId").asString());

        var published = WeComSimulatorSupport.http()
                .post(
                        "/sim/corps/" + corp.corpId() + "/moments/"
                                + post.path("momentId").asString() + "/publish",
                        "{\"userId\": \"lina\"}");
        assertThat(published.status()).as(published.body()).isLessThan(300);
        eventually(() ->
                assertThat(moment(id).path("counts").path("published").asLong()).isEqualTo(1));
        var detail = admin.get("/api/v1/moments/" + id).json();
        assertThat(detail.path("moment").path("counts").path("staff").asLong()).isEqualTo(2);
        var lina = detail.path("staff").get(0);
        assertThat(lina.path("userId").asString()).isEqualTo("lina");
        assertThat(lina.path("published").asBoolean()).isTrue();
        int linaCustomers = 0;
        for (var task : post.path("tasks")) {
            if (task.path("userId").asString().equals("lina")) {
                linaCustomers = task.path("customers").size();
            }
        }
        assertThat(lina.path("customers").asInt()).isEqualTo(linaCustomers);
        assertThat(detail.path("staff").get(1).path("published").asBoolean()).isFalse();
    }

    @Test
    void anAnswerLostAfterWeComMadeThePostIsFoundInWeComAndThePostIsNotMadeAgain() {
        // WeCom makes the post but answers after Siyu has stopped waiting (api-timeout 3 s in tests)
        WeComSimulatorSupport.corps().slowNext(corp.corpId(), Duration.ofSeconds(5), 1);
        long id = admin.post("/api/v1/moments", """
                        {"appId": %d, "name": "慢回答", "text": "周末门店活动"}""".formatted(corp.appId()))
                .json()
                .path("id")
                .asLong();

        eventually(
                Duration.ofSeconds(20),
                () -> assertThat(moment(id).path("status").asString()).isEqualTo("created"));
        assertThat(simMoments()).as("one post in WeCom, not two").hasSize(1);
        assertThat(moment(id).path("momentId").asString())
                .isEqualTo(simMoments().getFirst().path("momentId").asString());
    }

    @Test
    void cancellingAMadePostStopsWeComAskingStaffAndACancelledOneIsDone() {
        long id = admin.post("/api/v1/moments", """
                        {"appId": %d, "name": "撤回", "text": "限时活动"}""".formatted(corp.appId()))
                .json()
                .path("id")
                .asLong();
        eventually(() -> assertThat(moment(id).path("status").asString()).isEqualTo("created"));

        var cancelled = admin.post("/api/v1/moments/" + id + "/cancel", "{}");
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asString()).isEqualTo("cancelled");
        assertThat(simMoments().getFirst().path("cancelled").asBoolean()).isTrue();
        assertThat(admin.post("/api/v1/moments/" + id + "/cancel", "{}").status())
                .isEqualTo(409);

        var later = admin.post("/api/v1/moments", """
                {"appId": %d, "name": "明天", "text": "明天见", "sendAt": "%s"}""".formatted(
                        corp.appId(), java.time.Instant.now().plus(Duration.ofDays(1))));
        long scheduled = later.json().path("id").asLong();
        assertThat(admin.post("/api/v1/moments/" + scheduled + "/cancel", "{}")
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("cancelled");
        assertThat(simMoments()).as("the scheduled one never reached WeCom").hasSize(1);
    }

    @Test
    void aBadPostIsRefusedNamingEachFieldInTheCallersLanguage() {
        long link = admin.post("/api/v1/materials", """
                        {"kind": "link", "title": "秋冬指南", "url": "https://example.com/guide"}""").json().path("id").asLong();
        var bad = admin.language("en").post("/api/v1/moments", """
                {"appId": %d, "name": "", "text": "%s", "materialIds": [%d, 999999], "staff": ["nobody"],
                 "tagIds": [424242]}""".formatted(corp.appId(), "字".repeat(2001), link));
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        var fields = new ArrayList<String>();
        bad.json().path("errors").forEach(e -> fields.add(e.path("field").asString()));
        assertThat(fields)
                .containsExactlyInAnyOrder("name", "text", "materialIds[0]", "materialIds[1]", "staff[0]", "tagIds[0]");
        assertThat(bad.body()).contains("cover image");
        assertThat(sql.count(fixture.tenant(), "select count(*) from moment_task"))
                .isZero();
        assertThat(ApiClient.loggedIn(port, fixture.staff())
                        .post("/api/v1/moments", "{}")
                        .status())
                .isEqualTo(403);
    }

    private long image() throws IOException {
        var out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(120, 80, BufferedImage.TYPE_INT_RGB), "png", out);
        var file = admin.upload("/api/v1/material-files", "新品.png", out.toByteArray());
        assertThat(file.status()).as(file.body()).isEqualTo(201);
        var material = admin.post(
                "/api/v1/materials", """
                {"kind": "image", "fileId": %d}""".formatted(file.json().path("id").asLong()));
        assertThat(material.status()).as(material.body()).isEqualTo(201);
        return material.json().path("id").asLong();
    }

    private JsonNode moment(long id) {
        return admin.get("/api/v1/moments/" + id).json().path("moment");
    }

    private List<JsonNode> simMoments() {
        return SimulatedMessaging.moments(corp);
    }
}
