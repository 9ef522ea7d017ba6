package io.siyu.growth;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.siyu.wecom.ConnectedCorpTest;
import io.siyu.wecom.SimulatedGroups;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A participant's poster over the API: a 750 × 1200 PNG whose QR is their own code, with their avatar and name at
 * the top; a participant without a name still gets one; a 社群裂变 participant's QR is their own 加入群聊 code.
 */
class CampaignPosterIntegrationTests extends ConnectedCorpTest {

    long campaign;
    String parentConfig;

    @BeforeEach
    void runningCampaign() {
        var code = admin.post("/api/v1/wecom/channel-codes", """
                {"appId": %d, "name": "海报活码", "staff": ["lina"]}""".formatted(corp.appId()));
        assertThat(code.status()).as(code.body()).isEqualTo(201);
        var made = admin.post("/api/v1/campaigns", """
                {"name": "邀好友领保温杯", "channelCodeId": %d, "endsAt": "%s",
                 "stages": [{"invites": 3, "rewardKind": "points", "amount": 500},
                            {"invites": 6, "rewardKind": "gift", "gift": "保温杯"}]}""".formatted(
                        code.json().path("id").asLong(), Instant.now().plus(Duration.ofDays(7))));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        campaign = made.json().path("id").asLong();
        parentConfig = code.json().path("configId").asString();
        assertThat(admin.post("/api/v1/campaigns/" + campaign + "/start", "{}").status())
                .isEqualTo(200);
    }

    @Test
    void aPosterIsAPngWithTheParticipantsOwnQrAndTheirAvatarAndName() throws Exception {
        var anna = join(customerScanning(parentConfig, "安娜"));
        var bo = join(customerScanning(parentConfig, "博文"));

        var annas = poster(anna);
        assertThat(annas.getWidth()).isEqualTo(CampaignPosters.WIDTH);
        assertThat(annas.getHeight()).isEqualTo(CampaignPosters.HEIGHT);
        assertThat(decode(qrArea(annas)))
                .as("the QR is anna's own code, the one WeCom made for her")
                .isEqualTo(decode(qrOf(anna)))
                .isNotEqualTo(decode(qrOf(bo)));
        assertThat(differingPixels(annas, poster(bo)))
                .as("two participants' avatars differ")
                .isGreaterThan(CampaignPosters.AVATAR * CampaignPosters.AVATAR / 10);
        assertThat(differingPixels(annas, poster(anna)))
                .as("the same participant's poster is drawn the same each time")
                .isZero();
        Files.write(Path.of(System.getProperty("java.io.tmpdir"), "poster-sample.png"), bytes(anna));
    }

    @Test
    void aParticipantWithoutANameStillGetsAPosterWithAnAvatar() throws Exception {
        long nameless = customerScanning(parentConfig, "无名");
        sql.update(fixture.tenant(), "update customer set display_name = '' where id = " + nameless);
        var participant = join(nameless);

        var poster = poster(participant);
        assertThat(poster.getWidth()).isEqualTo(CampaignPosters.WIDTH);
        assertThat(decode(qrArea(poster))).isEqualTo(decode(qrOf(participant)));
        int centre = poster.getRGB(
                CampaignPosters.AVATAR_X + CampaignPosters.AVATAR / 2,
                CampaignPosters.AVATAR_Y + CampaignPosters.AVATAR / 4);
        assertThat(centre & 0xFFFFFF)
                .as("the avatar disc is drawn in a colour of its own")
                .isEqualTo(PosterAvatars.colour(participant.path("id").asLong()));
    }

    @Test
    void aGroupCampaignParticipantsPosterCarriesTheirOwnGroupJoinCode() throws Exception {
        var groups = new SimulatedGroups(corp);
        var chat = groups.create("海报福利群", "lina");
        eventually(() -> assertThat(
                        sql.count(fixture.tenant(), "select count(*) from wecom_group where chat_id = '" + chat + "'"))
                .isOne());
        var code = admin.post("/api/v1/wecom/group-codes", """
                {"appId": %d, "name": "海报群活码", "groups": ["%s"]}""".formatted(corp.appId(), chat));
        assertThat(code.status()).as(code.body()).isEqualTo(201);
        var made = admin.post("/api/v1/campaigns", """
                {"kind": "group", "name": "拉好友进群领保温杯", "groupCodeId": %d, "endsAt": "%s",
                 "stages": [{"invites": 3, "rewardKind": "gift", "gift": "保温杯"}]}""".formatted(
                        code.json().path("id").asLong(), Instant.now().plus(Duration.ofDays(7))));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        campaign = made.json().path("id").asLong();
        assertThat(admin.post("/api/v1/campaigns/" + campaign + "/start", "{}").status())
                .isEqualTo(200);

        var anna = join(customerScanning(parentConfig, "安娜"));
        assertThat(decode(qrArea(poster(anna))))
                .as("the QR is the 加入群聊 code WeCom made for anna")
                .isEqualTo(decode(qrOf(anna)));
    }

    private JsonNode join(long customer) {
        var joined =
                admin.post("/api/v1/campaigns/" + campaign + "/participants", "{\"customerId\": " + customer + "}");
        assertThat(joined.status()).as(joined.body()).isEqualTo(200);
        return joined.json();
    }

    private byte[] bytes(JsonNode participant) {
        return admin.getBytes("/api/v1/campaigns/" + campaign + "/participants/"
                + participant.path("id").asLong() + "/poster");
    }

    private BufferedImage poster(JsonNode participant) throws Exception {
        var png = bytes(participant);
        assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    /** The participant's code as WeCom's own QR picture of it (the simulator's). */
    private static BufferedImage qrOf(JsonNode participant) throws Exception {
        var url = participant.path("qrUrl").asString();
        assertThat(url).isNotBlank();
        try (var http = HttpClient.newHttpClient()) {
            var png = http.send(HttpRequest.newBuilder(URI.create(url)).build(), BodyHandlers.ofByteArray());
            assertThat(png.statusCode()).isEqualTo(200);
            return ImageIO.read(new ByteArrayInputStream(png.body()));
        }
    }

    /**
     * Where the poster draws the QR, with a margin: read from the whole poster, the avatar and text sometimes
     * looked like finder patterns to the reader.
     */
    private static BufferedImage qrArea(BufferedImage poster) {
        int margin = 24;
        return poster.getSubimage(
                (CampaignPosters.WIDTH - CampaignPosters.QR) / 2 - margin,
                CampaignPosters.QR_Y - margin,
                CampaignPosters.QR + 2 * margin,
                CampaignPosters.QR + 2 * margin);
    }

    private static String decode(BufferedImage image) throws Exception {
        var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        try {
            // drawn squarely on white: read as such, which does not miss
            return new QRCodeReader()
                    .decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE))
                    .getText();
        } catch (com.google.zxing.ReaderException e) {
            return new QRCodeReader()
                    .decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
                    .getText();
        }
    }

    /** Pixels that differ within the avatar's square. */
    private static int differingPixels(BufferedImage a, BufferedImage b) {
        int differing = 0;
        for (int y = CampaignPosters.AVATAR_Y; y < CampaignPosters.AVATAR_Y + CampaignPosters.AVATAR; y++) {
            for (int x = CampaignPosters.AVATAR_X; x < CampaignPosters.AVATAR_X + CampaignPosters.AVATAR; x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    differing++;
                }
            }
        }
        return differing;
    }
}
