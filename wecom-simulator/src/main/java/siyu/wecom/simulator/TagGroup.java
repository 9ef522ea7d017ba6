package siyu.wecom.simulator;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A corp tag group and its tags. {@code agentId} is the app that created it, or null for the admin console. */
final class TagGroup {

    /** A corp tag (type 1, 企业标签). */
    static final class Tag {
        final String id;
        String name;
        final long createTime;
        long order;
        final @Nullable String agentId;

        Tag(String id, String name, long createTime, long order, @Nullable String agentId) {
            this.id = id;
            this.name = name;
            this.createTime = createTime;
            this.order = order;
            this.agentId = agentId;
        }
    }

    final String id;
    String name;
    final long createTime;
    long order;
    final @Nullable String agentId;
    final List<Tag> tags = new ArrayList<>();

    TagGroup(String id, String name, long createTime, long order, @Nullable String agentId) {
        this.id = id;
        this.name = name;
        this.createTime = createTime;
        this.order = order;
        this.agentId = agentId;
    }
}
