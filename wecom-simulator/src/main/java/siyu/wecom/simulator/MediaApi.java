package siyu.wecom.simulator;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * media/upload (doc 90253), media/uploadimg (doc 90256) and media/upload_attachment (doc 95098): multipart
 * uploads in the form field {@code media}. created_at is a string of epoch seconds, as WeCom answers it.
 */
@RestController
class MediaApi {

    private final Corps corps;
    private final CorpStates states;
    private final MediaFiles media;

    MediaApi(Corps corps, CorpStates states, MediaFiles media) {
        this.corps = corps;
        this.states = states;
        this.media = media;
    }

    @PostMapping("/cgi-bin/media/upload")
    Map<String, Object> upload(
            @RequestParam(name = "access_token", required = false) @Nullable String token,
            @RequestParam(required = false) @Nullable String type,
            HttpServletRequest request) {
        var corp = states.of(corps.authorize(token));
        return answer(media.upload(corp, type, Multipart.part(request, "media").orElse(null), false));
    }

    /** upload_attachment: media_type image|video|file, attachment_type 1 (朋友圈) or 2 (商品图册). */
    @PostMapping("/cgi-bin/media/upload_attachment")
    Map<String, Object> uploadAttachment(
            @RequestParam(name = "access_token", required = false) @Nullable String token,
            @RequestParam(name = "media_type", required = false) @Nullable String type,
            @RequestParam(name = "attachment_type", required = false) @Nullable String attachmentType,
            HttpServletRequest request) {
        var corp = states.of(corps.authorizeCustomerContact(token));
        if (!"1".equals(attachmentType) && !"2".equals(attachmentType)) {
            throw new WeComError(40058, "invalid attachment_type");
        }
        return answer(media.upload(corp, type, Multipart.part(request, "media").orElse(null), true));
    }

    @PostMapping("/cgi-bin/media/uploadimg")
    Map<String, Object> uploadImage(
            @RequestParam(name = "access_token", required = false) @Nullable String token, HttpServletRequest request) {
        corps.authorize(token);
        var name = media.uploadImage(Multipart.part(request, "media").orElse(null));
        var url = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/sim/images/" + name)
                .toUriString();
        return Json.ok("url", url);
    }

    /** The image an uploadimg url points at; 404 for one the simulator never kept. */
    @GetMapping("/sim/images/{name}")
    ResponseEntity<byte[]> image(@PathVariable String name) {
        var image = media.image(name);
        if (image == null) {
            throw SandboxError.notFound("image " + name);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(image.contentType()))
                .body(image.bytes());
    }

    private static Map<String, Object> answer(MediaFile file) {
        return Json.ok(
                "type",
                file.type(),
                "media_id",
                file.mediaId(),
                "created_at",
                String.valueOf(file.createdAt().getEpochSecond()));
    }
}
