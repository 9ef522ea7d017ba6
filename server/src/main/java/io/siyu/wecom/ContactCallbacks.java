package io.siyu.wecom;

import io.siyu.event.EventRecorder;
import io.siyu.event.EventType;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * WeCom's customer-contact events (change_external_contact): a customer added a staff member (a customer
 * profile is found or made from WeCom's details, the relation recorded, the live code's tags put on, its
 * welcome message queued), a relation was edited, or it ended (the customer deleted the staff member, or the
 * other way round: a loss, recorded as an event and told to whoever the settings name).
 */
@Component
class ContactCallbacks implements CallbackHandler {

    private static final String PREFIX = "change_external_contact:";
    private static final Set<String> CHANGES = Set.of(
            "add_external_contact",
            "add_half_external_contact",
            "edit_external_contact",
            "del_external_contact",
            "del_follow_user");
    /** How long WeCom accepts a welcome code. */
    static final Duration WELCOME_WINDOW = Duration.ofSeconds(20);

    private final WeComClient client;
    private final JdbcClient jdbc;
    private final WeComContacts contacts;
    private final EventRecorder events;
    private final ChannelCodeRouter router;
    private final WeComOutbox outbox;
    private final MessageSource messages;
    private final CorpTags corpTags;
    private final JsonMapper json = JsonMapper.builder().build();

    ContactCallbacks(
            WeComClient client,
            JdbcClient jdbc,
            WeComContacts contacts,
            EventRecorder events,
            ChannelCodeRouter router,
            WeComOutbox outbox,
            MessageSource messages,
            CorpTags corpTags) {
        this.corpTags = corpTags;
        this.client = client;
        this.jdbc = jdbc;
        this.contacts = contacts;
        this.events = events;
        this.router = router;
        this.outbox = outbox;
        this.messages = messages;
    }

    @Override
    public boolean handles(String kind) {
        return kind.startsWith(PREFIX) && CHANGES.contains(kind.substring(PREFIX.length()));
    }

    @Override
    public void handle(WeComApp app, WeComCallback callback) {
        var fields = callback.fields();
        var change = callback.kind().substring(PREFIX.length());
        var userId = callback.required("UserID");
        var externalUserId = callback.required("ExternalUserID");
        switch (change) {
            case "add_external_contact", "add_half_external_contact" -> added(app, callback, userId, externalUserId);
            case "edit_external_contact" -> edited(app, userId, externalUserId);
            case "del_follow_user" -> lost(app, callback, userId, externalUserId, "customer");
            default ->
                lost(
                        app,
                        callback,
                        userId,
                        externalUserId,
                        "DELETE_BY_TRANSFER".equals(fields.get("Source")) ? "transfer" : "staff");
        }
    }

    private void added(WeComApp app, WeComCallback callback, String userId, String externalUserId) {
        var detail = client.get(app, "externalcontact/get", Map.of("external_userid", externalUserId));
        var follow = WeComContacts.follow(detail, userId);
        var state = callback.fields().get("State");
        var added = contacts.added(app, detail.path("external_contact"), userId, follow, state, callback.receivedAt());
        corpTags.applyCustomerTags(app, added.customer());
        if (added.code() == null) {
            return;
        }
        var live = added.code();
        corpTags.markChannelTags(app, externalUserId, userId, live.tagIds());
        router.requestRoute(
                live, "add:" + externalUserId + ":" + userId + ":" + added.at().getEpochSecond());
        var welcomeCode = callback.fields().get("WelcomeCode");
        if (live.welcome() != null && welcomeCode != null && !welcomeCode.isBlank()) {
            outbox.enqueue(
                    app.id(),
                    WeComOutbox.Kind.WELCOME,
                    welcomeCode,
                    welcome(live.welcome(), welcomeCode, added.name(), contacts.staffName(app, userId)),
                    callback.receivedAt().plus(WELCOME_WINDOW));
        }
    }

    private void edited(WeComApp app, String userId, String externalUserId) {
        var detail = client.get(app, "externalcontact/get", Map.of("external_userid", externalUserId));
        var follow = WeComContacts.follow(detail, userId);
        if (follow == null) {
            return;
        }
        jdbc.sql("update wecom_contact set remark = ?, wecom_tag_ids = ?, name = ?, updated_at = now()"
                        + " where app_id = ? and external_user_id = ? and user_id = ? returning customer_id")
                .params(
                        follow.path("remark").asString(null),
                        WeComContacts.wecomTags(follow),
                        detail.path("external_contact").path("name").asString(""),
                        app.id(),
                        externalUserId,
                        userId)
                .query(Long.class)
                .optional()
                .ifPresent(customer -> corpTags.applyCustomerTags(app, customer));
    }

    private void lost(WeComApp app, WeComCallback callback, String userId, String externalUserId, String by) {
        var at = callback.receivedAt();
        var relation = jdbc.sql("""
                        update wecom_contact set lost_at = ?, lost_by = ?, updated_at = now()
                        where app_id = ? and external_user_id = ? and user_id = ? and lost_at is null
                        returning customer_id, channel_code_id, added_at, name""")
                .params(Timestamp.from(at), by, app.id(), externalUserId, userId)
                .query((rs, n) -> new Object[] {
                    rs.getLong(1),
                    rs.getObject(2, Long.class),
                    rs.getTimestamp(3).toInstant(),
                    rs.getString(4)
                })
                .optional();
        if (relation.isEmpty() || by.equals("transfer")) {
            return; // a relation Siyu never saw begin, one already ended, or a handover moving it
        }
        long customer = (Long) relation.get()[0];
        var codeId = (Long) relation.get()[1];
        var addedAt = (Instant) relation.get()[2];
        var properties = new LinkedHashMap<String, Object>();
        properties.put("staffId", userId);
        properties.put("by", by);
        if (codeId != null) {
            properties.put("channelCodeId", codeId);
        }
        properties.put("days", Duration.between(addedAt, at).toDays());
        events.record(
                customer,
                EventType.WECOM_LOSS,
                at,
                "wecom-loss:" + app.id() + ":" + externalUserId + ":" + userId + ":"
                        + callback.fields().getOrDefault("CreateTime", String.valueOf(at.getEpochSecond())),
                json.writeValueAsString(properties));
        notifyLoss(app, callback, userId, (String) relation.get()[3], by);
    }

    /** Tells the staff member or the manager, as the tenant's settings say. */
    private void notifyLoss(WeComApp app, WeComCallback callback, String userId, @Nullable String name, String by) {
        var settings = jdbc.sql("select loss_notify, loss_manager_id from wecom_settings")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .optional()
                .orElse(new String[] {"staff", null});
        String to = switch (settings[0]) {
            case "staff" -> by.equals("customer") ? userId : null;
            case "manager" -> settings[1];
            default -> null;
        };
        if (to == null || to.isBlank()) {
            return;
        }
        var customerName = name == null || name.isBlank() ? "-" : name;
        var content = messages.getMessage(
                "wecom.notify.loss." + by,
                new Object[] {customerName, contacts.staffName(app, userId)},
                Locale.SIMPLIFIED_CHINESE);
        outbox.enqueue(
                app.id(),
                WeComOutbox.Kind.NOTIFY,
                "loss:" + callback.id(),
                Map.of("touser", to, "content", content),
                null);
    }

    /** send_welcome_msg's body, with the customer's nickname and the staff member's name in the text. */
    static Map<String, Object> welcome(ChannelCode.Welcome welcome, String welcomeCode, String nickname, String staff) {
        var body = new LinkedHashMap<String, Object>();
        body.put("welcome_code", welcomeCode);
        if (!welcome.text().isBlank()) {
            body.put(
                    "text",
                    Map.of(
                            "content",
                            welcome.text().replace("{nickname}", nickname).replace("{staff}", staff)));
        }
        var attachments = new ArrayList<Map<String, Object>>();
        for (var a : welcome.attachments()) {
            var content = new LinkedHashMap<String, Object>();
            switch (a.type()) {
                case "image" -> content.put("pic_url", a.picUrl());
                case "link" -> {
                    content.put("title", a.title());
                    content.put("url", a.url());
                    if (a.picUrl() != null) {
                        content.put("picurl", a.picUrl());
                    }
                    if (a.description() != null) {
                        content.put("desc", a.description());
                    }
                }
                default -> {
                    content.put("title", a.title());
                    content.put("pic_media_id", a.picMediaId());
                    content.put("appid", a.appId());
                    content.put("page", a.page());
                }
            }
            attachments.add(Map.of("msgtype", a.type(), a.type(), content));
        }
        if (!attachments.isEmpty()) {
            body.put("attachments", attachments);
        }
        return body;
    }
}
