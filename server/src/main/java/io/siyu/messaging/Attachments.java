package io.siyu.messaging;

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
 * cards, mini-programs take their cover as pic_media_id.
 */
@Component
class Attachments {

    /** WeCom keeps temporary media three days; a media id older than this is uploaded again. */
    static final Duration MEDIA_LIFE = Duration.ofHours(60);

    private final Materials materials;
    private final MaterialFiles files;
    private final WeComClient client;
    private final JdbcClient jdbc;
    private final Clock clock;

    Attachments(Materials materials, MaterialFiles files, WeComClient client, JdbcClient jdbc, Clock clock) {
        this.materials = materials;
        this.files = files;
        this.client = client;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Problems with materials as attachments: unknown ones, and articles with no link to open. */
    void check(String prefix, List<Long> ids, List<FieldProblem> problems) {
        var found = materials.byIds(ids);
        for (int i = 0; i < ids.size(); i++) {
            var material = found.get(ids.get(i));
            var field = prefix + "materialIds[" + i + "]";
            if (material == null) {
                problems.add(new FieldProblem(field, "content.material.unknown", String.valueOf(ids.get(i))));
            } else if (material.kind().equals("article") && material.url() == null) {
                problems.add(new FieldProblem(field, "messaging.material.article-url"));
            }
        }
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
                body.put("media_id", media(app, "image", java.util.Objects.requireNonNull(m.file())));
            }
            case "video" -> {
                type = "video";
                body.put("media_id", media(app, "video", java.util.Objects.requireNonNull(m.file())));
            }
            case "file" -> {
                type = "file";
                body.put("media_id", media(app, "file", java.util.Objects.requireNonNull(m.file())));
            }
            case "miniprogram" -> {
                type = "miniprogram";
                body.put("title", m.title());
                body.put("pic_media_id", media(app, "image", java.util.Objects.requireNonNull(m.cover())));
                body.put("appid", m.appId());
                body.put("page", m.page());
            }
            default -> {
                type = "link";
                body.put("title", m.title());
                body.put("url", m.url());
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

    private String media(WeComApp app, String type, FileInfo file) {
        var now = clock.instant();
        var known = jdbc.sql("select media_id from wecom_media where app_id = ? and file_id = ? and expires_at > ?")
                .params(app.id(), file.id(), Timestamp.from(now))
                .query(String.class)
                .optional();
        if (known.isPresent()) {
            return known.get();
        }
        var content = files.content(file.id());
        var mediaId = client.upload(app, type, file.name(), content.bytes());
        jdbc.sql("""
                        insert into wecom_media (app_id, file_id, media_id, expires_at) values (?, ?, ?, ?)
                        on conflict (tenant_id, app_id, file_id)
                        do update set media_id = excluded.media_id, expires_at = excluded.expires_at""")
                .params(app.id(), file.id(), mediaId, Timestamp.from(now.plus(MEDIA_LIFE)))
                .update();
        return mediaId;
    }
}
