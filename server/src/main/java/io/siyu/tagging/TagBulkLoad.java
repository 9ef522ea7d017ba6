package io.siyu.tagging;

import io.siyu.shared.TenantId;
import io.siyu.shared.jdbc.BulkCopy;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads tag definitions and customer tags in bulk. */
@Service
public class TagBulkLoad {

    /** A tag definition; {@code group} is one of seed 001's kinds (跟进状态, 来源, 属性, 产品, 内容, 活动). */
    public record TagDefinition(int id, String group, String name) {}

    /** One customer carrying one tag. */
    public record Assignment(long customerNumber, int tagId) {}

    private final BulkCopy copy;

    TagBulkLoad(BulkCopy copy) {
        this.copy = copy;
    }

    /** Defines the tags and, first, their groups (named by the tags, of the kind their name says). */
    @Transactional
    public long defineTags(TenantId tenant, List<TagDefinition> tags) {
        var groups = new java.util.LinkedHashMap<String, Integer>();
        tags.forEach(tag -> groups.putIfAbsent(tag.group(), groups.size() + 1));
        copy.copy(
                "tag_group",
                new String[] {"tenant_id", "id", "name", "kind", "position"},
                rows -> groups.forEach((name, id) -> rows.value(tenant.value())
                        .value(id)
                        .value(name)
                        .value(TagKind.named(name).orElse(TagKind.ATTRIBUTE).code())
                        .value(id)
                        .end()));
        return copy.copy(
                "tag",
                new String[] {"tenant_id", "id", "group_id", "name"},
                rows -> tags.forEach(tag -> rows.value(tenant.value())
                        .value(tag.id())
                        .value(groups.get(tag.group()))
                        .value(tag.name())
                        .end()));
    }

    @Transactional
    public long assign(TenantId tenant, Consumer<Consumer<Assignment>> source) {
        return copy.copy(
                "customer_tag",
                new String[] {"tenant_id", "customer_id", "tag_id", "source"},
                rows -> source.accept(a -> rows.value(tenant.value())
                        .value(a.customerNumber())
                        .value(a.tagId())
                        .value(TagSource.IMPORT.code())
                        .end()));
    }
}
