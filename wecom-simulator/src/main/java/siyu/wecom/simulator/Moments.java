package siyu.wecom.simulator;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * 客户朋友圈 (doc 95094): add_moment_task checks the content at once (40058 with WeCom's "invalid text size",
 * "invalid attachments msgtype", "invalid attachments size", "invalid msg"; media from upload_attachment
 * only, 40007) and makes the post; its job answers the moment_id. visible_range picks the members asked to
 * publish (sender_list, or the followers of customers with the tags, or everyone) and the customers who will
 * see it (their customers, those with one of the tags when tag_list is given); unknown ids are listed as
 * invalid. Members publish in the sandbox (or at once with the corp's autoConfirm).
 */
@Component
class Moments {

    static final int MAX_TEXT = 2000;
    static final int MAX_IMAGES = 9;
    static final int MAX_SENDERS = 100_000;

    private final SimulatedClock clock;
    private final MediaFiles media;

    Moments(SimulatedClock clock, MediaFiles media) {
        this.clock = clock;
        this.media = media;
    }

    /** add_moment_task: answers the jobid. */
    String create(Corp corp, Body body) {
        var range = body.object("visible_range");
        var users = range.object("sender_list").texts("user_list");
        var departments = range.object("sender_list").numbers("department_list");
        var tags = range.object("external_contact_list").texts("tag_list");
        if (users.size() > MAX_SENDERS) {
            throw new WeComError(40058, "user_list exceed max size " + MAX_SENDERS);
        }
        synchronized (corp) {
            var text = body.object("text").text("content");
            var attachments = body.raw("attachments");
            check(corp, text, attachments);
            var moment = new Moment(null, clock.now(), text, attachments, tags.isEmpty() ? 1 : 0);
            users.stream()
                    .filter(u ->
                            !corp.staff.containsKey(u) || !corp.staff.get(u).servesCustomers())
                    .forEach(moment.invalidUsers::add);
            departments.stream().filter(d -> !corp.departments.containsKey(d)).forEach(moment.invalidDepartments::add);
            tags.stream().filter(t -> corp.tag(t).isEmpty()).forEach(moment.invalidTags::add);
            var validTags = new HashSet<>(tags);
            validTags.removeAll(moment.invalidTags);
            for (var userId : executors(corp, users, departments, validTags, tags.isEmpty())) {
                var customers = corp.customersOf(userId).stream()
                        .filter(f -> tags.isEmpty() || f.tags.stream().anyMatch(validTags::contains))
                        .map(f -> f.externalUserId)
                        .toList();
                moment.tasks.put(userId, new Moment.Task(userId, customers));
            }
            corp.moments.put(moment.momentId, moment);
            if (corp.autoConfirm) {
                moment.tasks.values().forEach(task -> publish(task));
            }
            return moment.jobId;
        }
    }

    /** A member posts in the client (个人发表): all their customers see it at once. */
    Moment createPersonal(Corp corp, String userId, Body body) {
        synchronized (corp) {
            var member = corp.member(userId);
            var text = body.object("text").text("content");
            var attachments = body.raw("attachments");
            check(corp, text, attachments);
            var moment = new Moment(member.userId, clock.now(), text, attachments, 1);
            var customers = corp.customersOf(member.userId).stream()
                    .map(f -> f.externalUserId)
                    .toList();
            var task = new Moment.Task(member.userId, customers);
            moment.tasks.put(member.userId, task);
            publish(task);
            corp.moments.put(moment.momentId, moment);
            return moment;
        }
    }

    /** The member publishes the post the corp asked for: 404 unknown, 409 published or cancelled. */
    Moment.Task publish(Corp corp, String momentId, String userId) {
        synchronized (corp) {
            var moment = corp.moments.get(momentId);
            var task = moment == null ? null : moment.tasks.get(userId);
            if (task == null) {
                throw SandboxError.notFound("moment task of " + userId + " in " + momentId);
            }
            if (moment.cancelled || task.published) {
                throw SandboxError.conflict(40058, moment.cancelled ? "the moment was cancelled" : "already published");
            }
            publish(task);
            return task;
        }
    }

    void cancel(Corp corp, Body body) {
        synchronized (corp) {
            moment(corp, body.text("moment_id")).cancelled = true;
        }
    }

    /** The post: 41059 without an id, 41060 for an unknown one. The caller holds the corp. */
    static Moment moment(Corp corp, @Nullable String momentId) {
        if (momentId == null) {
            throw new WeComError(41059, "missing moment_id");
        }
        var moment = corp.moments.get(momentId);
        if (moment == null) {
            throw new WeComError(41060, "invalid moment_id");
        }
        return moment;
    }

    private void publish(Moment.Task task) {
        task.published = true;
        task.publishTime = clock.epochSecond();
    }

    private static Set<String> executors(
            Corp corp, List<String> users, List<Long> departments, Set<String> tags, boolean noTags) {
        var executors = new LinkedHashSet<String>();
        if (!users.isEmpty() || !departments.isEmpty()) {
            users.stream().filter(u -> corp.staff.containsKey(u)).forEach(executors::add);
            executors.addAll(Directory.membersOf(
                    corp,
                    departments.stream().filter(corp.departments::containsKey).toList()));
        } else if (!noTags) {
            corp.follows.stream()
                    .filter(f -> f.tags.stream().anyMatch(tags::contains))
                    .forEach(f -> executors.add(f.userId));
        } else {
            corp.staff.values().forEach(s -> executors.add(s.userId));
        }
        executors.removeIf(u -> !corp.staff.get(u).servesCustomers());
        return executors;
    }

    private void check(Corp corp, @Nullable String text, @Nullable JsonNode attachments) {
        if (text != null && text.codePointCount(0, text.length()) > MAX_TEXT) {
            throw new WeComError(40058, "invalid text size");
        }
        if (attachments != null && !attachments.isArray()) {
            throw Body.dataFormat();
        }
        if (text == null && (attachments == null || attachments.isEmpty())) {
            throw new WeComError(40058, "text and attachments are both empty");
        }
        if (attachments == null || attachments.isEmpty()) {
            return;
        }
        var types = new HashSet<String>();
        attachments.forEach(a -> types.add(a.path("msgtype").asString("")));
        var type = types.iterator().next();
        if (types.size() > 1 || !Set.of("image", "video", "link").contains(type)) {
            throw new WeComError(40058, "invalid attachments msgtype");
        }
        if (attachments.size() > (type.equals("image") ? MAX_IMAGES : 1)) {
            throw new WeComError(40058, "invalid attachments size");
        }
        for (var attachment : attachments) {
            if (!attachment.path(type).isObject()) {
                throw new WeComError(40058, "invalid msg");
            }
            var content = new Body(attachment.get(type));
            if (type.equals("link")) {
                if (content.text("url") == null) {
                    throw new WeComError(41010, "url missing");
                }
                if (Body.bytes(content.text("title")) > 64) {
                    throw new WeComError(45002, "title exceed max size 64 bytes");
                }
            }
            var mediaId = content.text("media_id");
            if (mediaId == null) {
                throw new WeComError(40058, "invalid msg");
            }
            var file = media.valid(corp, mediaId, type.equals("video") ? "video" : "image");
            if (!file.attachment()) {
                throw new WeComError(40007, "invalid media_id: not uploaded by upload_attachment");
            }
        }
    }
}
