package io.siyu.tagging;

import java.time.Instant;
import java.util.List;

/** A group of tags of one kind, with the tags the caller may see. */
public record TagGroup(int id, String name, TagKind kind, int position, Instant createdAt, List<Tag> tags) {

    public TagGroup {
        tags = List.copyOf(tags);
    }
}
