package io.siyu.messaging;

import io.siyu.content.ArticlePages;
import io.siyu.content.FileInfo;
import io.siyu.content.Material;
import io.siyu.content.MaterialFiles;
import io.siyu.content.Materials;
import io.siyu.shared.FieldProblem;
import io.siyu.wecom.WeComApp;
import io.siyu.wecom.WeComClient;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Materials as WeCom message attachments (doc 92135): images, videos and files are uploaded as temporary
 * media (kept per app and file for a little less than WeCom's three days), links and articles become link
 * cards (an article written in Siyu links to its H5 page), mini-programs take their cover as pic_media_id.
 */
@Component
class Attachments {

    /** WeCom keeps temporary media three days; a media id older than this is uploaded again. */
    static final Duration MEDIA_LIFE = Duration.ofHours(60);

    private final Materials materials;
    private final MaterialFiles files;
    private final ArticlePages pages;
    private final WeComClient client;
    private final JdbcClient jdbc;
    private final Clock clock;

    Attachments(
            Materials materials,
            MaterialFiles files,
            ArticlePages pages,
            WeComClient client,
            JdbcClient jdbc,
            Clock clock) {
        this.materials = materials;
        this.pages = pages;
        this.files = files;
        this.client = client;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Problems with materials as attachments: unknown ones. */
    void check(String prefix, List<Long> ids, List<FieldProblem> problems) {
        var found = materials.byIds(ids);
        for (int i = 0; i < ids.size(); i++) {
            var material = found.get(ids.get(i));
            var field = prefix + "materialIds[" + i + "]";
            if (material == null) {
                problems.add(new FieldProblem(field, "content.material.unknown", String.valueOf(ids.get(i))));
            }
        }
    }

    /**
     * Problems with materials for a 客户朋友圈 post (doc 95094): up to 9 images, or one video, or one link with a
     * cover image; nothing else, and no mixing.
     */
    void checkMoment(String prefix, List<Long> ids, List<FieldProblem> problems) {
        var found = materials.byIds(ids);
        var kinds = new java.util.HashSet<String>();
        int valid = 0;
        for (int i = 0; i < ids.size(); i++) {
            var material = found.get(ids.get(i));
            var field = prefix + "materialIds[" + i + "]";
            if (material == null) {
                problems.add(new FieldProblem(field, "content.material.unknown", String.valueOf(ids.get(i))));
                continue;
            }
            var kind = momentKind(material);
            if (kind == null) {
                problems.add(new FieldProblem(field, "messaging.moment.kind"));
            } else if (kind.equals("link") && material.cover() == null) {
                problems.add(new FieldProblem(field, "messaging.moment.link-cover"));
            } else {
                kinds.add(kind);
                valid++;
            }
        }
        if (kinds.size() > 1 || (kinds.contains("image") ? valid > 9 : valid > 1)) {
            problems.add(new FieldProblem(prefix + "materialIds", "messaging.moment.materials"));
        }
    }

    /** What a material is in a moments post: image, video or link; null for what a post cannot carry. */
    private static @org.jspecify.annotations.Nullable String momentKind(Material m) {
        return switch (m.kind()) {
            case "image", "poster" -> "image";
            case "video" -> "video";
            case "link", "article" -> "link";
            default -> null;
        };
    }

    /** The attachments for add_moment_task, media uploaded with upload_attachment (moments take no other). */
    List<Map<String, Object>> forMoment(WeComApp app, List<Long> ids) {
        var found = materials.byIds(ids);
        var attachments = new ArrayList<Map<String, Object>>();
        for (var id : ids) {
            var m = found.get(id);
            var kind = m == null ? null : momentKind(m);
            if (kind == null) {
                continue;
            }
            var body = new LinkedHashMap<String, Object>();
            switch (kind) {
                case "image" ->
                    body.put("media_id", media(app, "image", java.util.Objects.requireNonNull(m.file()), true));
                case "video" ->
                    body.put("media_id", media(app, "video", java.util.Objects.requireNonNull(m.file()), true));
                default -> {
                    body.put("title", m.title());
                    body.put("url", pages.url(m));
                    body.put("media_id", media(app, "image", java.util.Objects.requireNonNull(m.cover()), true));
                }
            }
            var attachment = new LinkedHashMap<String, Object>();
            attachment.put("msgtype", kind);
            attachment.put(kind, body);
            attachments.add(attachment);
        }
        return attachments;
    }

    /** The attachments for add_msg_template, uploading media WeCom does not have (or no longer has). */
    List<Map<String, Object>> of(WeComApp app, List<Long> ids) {
        var found = materials.byIds(ids);
        var attachments = new ArrayList<Map<String, Object>>();
        for (var id : ids) {
            var material = found.get(id);
            if (material != null) {
                attachments.add(attachment(app, material));
            }
        }
        return attachments;
    }

    private Map<String, Object> attachment(WeComApp app, Material m) {
        var body = new LinkedHashMap<String, Object>();
        String type;
        switch (m.kind()) {
            case "image", "poster" -> {
                type = "image";
                body.put("media_id", media(app, "image", java.util.Objects.requireNonNull(m.file()), false));
            }
            case "video" -> {
                type = "video";
                body.put("media_id", media(app, "video", java.util.Objects.requireNonNull(m.file()), false));
            }
            case "file" -> {
                type = "file";
                body.put("media_id", media(app, "file", java.util.Objects.requireNonNull(m.file()), false));
            }
            case "miniprogram" -> {
                type = "miniprogram";
                body.put("title", m.title());
                body.put("pic_media_id", media(app, "image", java.util.Objects.requireNonNull(m.cover()), false));
                body.put("appid", m.appId());
                body.put("page", m.page());
            }
            default -> {
                type = "link";
                body.put("title", m.title());
                // an article written in Siyu opens as its H5 page
                body.put("url", m.kind().equals("article") ? pages.url(m) : m.url());
                var picture = m.kind().equals("article") ? pages.coverUrl(m) : null;
                if (picture != null) {
                    body.put("picurl", picture);
                }
                if (m.description() != null) {
                    body.put("desc", m.description());
                }
            }
        }
        var attachment = new LinkedHashMap<String, Object>();
        attachment.put("msgtype", type);
        attachment.put(type, body);
        return attachment;
    }

    /** A media id for the file, uploaded for messages or (with {@code moment}) for moments posts. */
    private String media(WeComApp app, String type, FileInfo file, boolean moment) {
        var now = clock.instant();
        var purpose = moment ? "moment" : "message";
        var known = jdbc.sql("select media_id from wecom_media where app_id = ? and file_id = ? and purpose = ?"
                        + " and expires_at > ?")
                .params(app.id(), file.id(), purpose, Timestamp.from(now))
                .query(String.class)
                .optional();
        if (known.isPresent()) {
            return known.get();
        }
        var content = files.content(file.id());
        var mediaId = moment
                ? client.uploadMomentMedia(app, type, file.name(), content.bytes())
                : client.upload(app, type, file.name(), content.bytes());
        jdbc.sql("""
                        insert into wecom_media (app_id, file_id, purpose, media_id, expires_at) values (?, ?, ?, ?, ?)
                        on conflict (tenant_id, app_id, file_id, purpose)
                        do update set media_id = excluded.media_id, expires_at = excluded.expires_at""")
                .params(app.id(), file.id(), purpose, mediaId, Timestamp.from(now.plus(MEDIA_LIFE)))
                .update();
        return mediaId;
    }
}
