package io.siyu.tagging;

/**
 * An organisation tag or tag group was created, renamed or deleted (personal tags are nobody else's
 * business). Published in the transaction that made the change, so that a listener mirroring tags elsewhere
 * (WeCom's corporate tags) decides in that same transaction.
 *
 * @param group whether the change is to a group ({@code id} a group id) or to a tag
 * @param groupId the tag's group; for a group, its own id
 * @param name the name after the change (before it, for a deletion)
 */
public record TagDefinitionChanged(Change change, boolean group, int id, int groupId, String name) {

    public enum Change {
        CREATED,
        RENAMED,
        DELETED
    }

    static TagDefinitionChanged ofTag(Change change, Tag tag) {
        return new TagDefinitionChanged(change, false, tag.id(), tag.groupId(), tag.name());
    }

    static TagDefinitionChanged ofGroup(Change change, TagGroup group) {
        return new TagDefinitionChanged(change, true, group.id(), group.id(), group.name());
    }
}
