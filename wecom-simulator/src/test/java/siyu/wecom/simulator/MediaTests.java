package siyu.wecom.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MediaTests {

    private static final int MB = 1024 * 1024;

    @Test
    void anUploadAnswersTypeMediaIdAndCreatedAtAsAString() {
        var corp = Simulator.corp();

        var answer = corp.upload("image", "poster.png", Media.png(2048));

        assertThat(answer.path("errcode").asInt()).isZero();
        assertThat(answer.path("type").asString()).isEqualTo("image");
        assertThat(answer.path("media_id").asString()).isNotBlank();
        assertThat(answer.path("created_at").isString()).isTrue();
        assertThat(answer.path("created_at").asString()).matches("\\d{10}");
    }

    @Test
    void eachTypeTakesItsOwnFormat() {
        var corp = Simulator.corp();

        assertThat(corp.upload("image", "a.jpg", Media.jpg(100)).path("errcode").asInt())
                .isZero();
        assertThat(corp.upload("voice", "a.amr", Media.amr(100)).path("errcode").asInt())
                .isZero();
        assertThat(corp.upload("video", "a.mp4", Media.mp4(100)).path("errcode").asInt())
                .isZero();
        assertThat(corp.upload("file", "a.txt", Media.text("hello world"))
                        .path("errcode")
                        .asInt())
                .isZero();
    }

    @Test
    void bytesNotOfTheTypeAre40005AndAnUnknownTypeIs40004() {
        var corp = Simulator.corp();

        var textAsImage = corp.upload("image", "a.png", Media.text("not a picture at all"));
        var pngAsVideo = corp.upload("video", "a.mp4", Media.png(100));
        var unknownType = corp.upload("sticker", "a.png", Media.png(100));

        assertThat(textAsImage.path("errcode").asInt()).isEqualTo(40005);
        assertThat(pngAsVideo.path("errcode").asInt()).isEqualTo(40005);
        assertThat(unknownType.path("errcode").asInt()).isEqualTo(40004);
    }

    @Test
    void aFileOfFiveBytesOrLessIs40006AndNoFileIs44001() {
        var corp = Simulator.corp();

        var five = corp.upload("file", "a.txt", Media.text("12345"));
        var six = corp.upload("file", "a.txt", Media.text("123456"));
        var none = Simulator.post("/cgi-bin/media/upload?type=file&access_token=" + corp.accessToken, "{}")
                .json();

        assertThat(five.path("errcode").asInt()).isEqualTo(40006);
        assertThat(six.path("errcode").asInt()).isZero();
        assertThat(none.path("errcode").asInt()).isEqualTo(44001);
    }

    @Test
    void eachTypeHasItsSizeLimitAndErrcode() {
        var corp = Simulator.corp();

        var image = corp.upload("image", "a.png", Media.png(10 * MB + 1));
        var imageAtLimit = corp.upload("image", "a.png", Media.png(10 * MB));
        var voice = corp.upload("voice", "a.amr", Media.amr(2 * MB + 1));
        var video = corp.upload("video", "a.mp4", Media.mp4(10 * MB + 1));
        var file = corp.upload("file", "a.bin", Media.text("x".repeat(20 * MB + 1)));

        assertThat(image.path("errcode").asInt()).isEqualTo(40009);
        assertThat(imageAtLimit.path("errcode").asInt()).isZero();
        assertThat(voice.path("errcode").asInt()).isEqualTo(40006);
        assertThat(video.path("errcode").asInt()).isEqualTo(40011);
        assertThat(file.path("errcode").asInt()).isEqualTo(40006);
    }

    @Test
    void uploadimgGivesAPermanentUrlThatServesTheImage() {
        var corp = Simulator.corp();
        var png = Media.png(300);

        var answer = Simulator.upload("/cgi-bin/media/uploadimg?access_token=" + corp.accessToken, "a.png", png)
                .json();
        var served = Simulator.bytes(answer.path("url").asString());
        var tooBig = Simulator.upload(
                        "/cgi-bin/media/uploadimg?access_token=" + corp.accessToken, "a.png", Media.png(2 * MB + 1))
                .json();

        assertThat(answer.path("errcode").asInt()).isZero();
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(png);
        assertThat(tooBig.path("errcode").asInt()).isEqualTo(40009);
    }

    @Test
    void uploadAttachmentTakesAMediaTypeAndAnAttachmentType() {
        var corp = Simulator.corp();
        var url = "/cgi-bin/media/upload_attachment?access_token=" + corp.accessToken + "&media_type=image";

        var moment = Simulator.upload(url + "&attachment_type=1", "a.png", Media.png(100))
                .json();
        var noKind = Simulator.upload(url, "a.png", Media.png(100)).json();

        assertThat(moment.path("errcode").asInt()).isZero();
        assertThat(moment.path("type").asString()).isEqualTo("image");
        assertThat(noKind.path("errcode").asInt()).isEqualTo(40058);
    }
}
