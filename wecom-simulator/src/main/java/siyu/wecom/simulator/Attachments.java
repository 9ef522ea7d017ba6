package siyu.wecom.simulator;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The attachments of a 企业群发 (doc 92135): at most {@link #MAX} (40058), each of a known msgtype with its body
 * (41065), its required fields (41016 title, 41010 url, 41006 media_id, 40058 others), its lengths in bytes
 * (45002) and media_ids still valid and of the right type (40007).
 */
@Component
class Attachments {

    static final int MAX = 9;

    private final MediaFiles media;

    Attachments(MediaFiles media) {
        this.media = media;
    }

    /** Checks the list; the caller holds the corp. */
    void check(Corp corp, @Nullable JsonNode attachments) {
        if (attachments == null) {
            return;
        }
        if (!attachments.isArray()) {
            throw Body.dataFormat();
        }
        if (attachments.size() > MAX) {
            throw new WeComError(40058, "attachments exceed max size " + MAX);
        }
        for (var attachment : attachments) {
            var type = attachment.path("msgtype").asString("");
            var content = attachment.get(type);
            if (content == null || !content.isObject()) {
                throw new WeComError(41065, "invalid attachment type");
            }
            check(corp, type, new Body(content));
        }
    }

    private void check(Corp corp, String type, Body content) {
        switch (type) {
            case "image" -> {
                if (content.text("media_id") != null || content.text("pic_url") == null) {
                    media.valid(corp, content.text("media_id"), "image");
                }
            }
            case "link" -> {
                required(content.text("title"), 41016, "title");
                required(content.text("url"), 41010, "url");
                limit(content, "title", 128);
                limit(content, "url", 2048);
                limit(content, "picurl", 2048);
                limit(content, "desc", 512);
            }
            case "miniprogram" -> {
                required(content.text("title"), 41016, "title");
                required(content.text("appid"), 40058, "appid");
                required(content.text("page"), 40058, "page");
                limit(content, "title", 64);
                media.valid(corp, content.text("pic_media_id"), "image");
            }
            case "video", "file" -> media.valid(corp, content.text("media_id"), type);
            default -> throw new WeComError(41065, "invalid attachment type");
        }
    }

    private static void required(@Nullable String value, int errcode, String name) {
        if (value == null) {
            throw new WeComError(errcode, name + " missing");
        }
    }

    private static void limit(Body content, String name, int maxBytes) {
        if (Body.bytes(content.text(name)) > maxBytes) {
            throw new WeComError(45002, name + " exceed max size " + maxBytes + " bytes");
        }
    }
}
