package siyu.wecom.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A 客户朋友圈 post (doc 95094/93333): made by add_moment_task (create_type 0, no creator; one task per member
 * asked to publish it) or by a member in the client (create_type 1). visible_type 0 when limited to customers
 * with some tags, 1 for all the member's customers.
 */
final class Moment {

    /** One member's part: the customers who will see it, and whether (and when) they published. */
    static final class Task {
        final String userId;
        final List<String> customers;
        boolean published;
        long publishTime;

        Task(String userId, List<String> customers) {
            this.userId = userId;
            this.customers = customers;
        }
    }

    final String momentId;
    final String jobId;
    final int createType;
    final @Nullable String creator;
    final Instant createdAt;
    final @Nullable String text;
    final @Nullable JsonNode attachments;
    final int visibleType;
    final Map<String, Task> tasks = new LinkedHashMap<>();
    final List<String> invalidUsers = new ArrayList<>();
    final List<Long> invalidDepartments = new ArrayList<>();
    final List<String> invalidTags = new ArrayList<>();
    boolean cancelled;

    Moment(
            @Nullable String creator,
            Instant createdAt,
            @Nullable String text,
            @Nullable JsonNode attachments,
            int visibleType) {
        this.momentId = Ids.momentId();
        this.jobId = Ids.jobId();
        this.createType = creator == null ? 0 : 1;
        this.creator = creator;
        this.createdAt = createdAt;
        this.text = text;
        this.attachments = attachments;
        this.visibleType = visibleType;
    }
}
