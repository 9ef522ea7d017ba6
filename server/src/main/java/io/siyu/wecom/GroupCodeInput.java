package io.siyu.wecom;

import io.siyu.shared.FieldProblem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A group live code as the API takes it; on PATCH an absent field stays as it is and {@code clear} names
 * fields to empty ({@code fallbackCodeId}).
 *
 * @param groups chat ids of synced groups of the app, in the order they are to be filled
 */
public record GroupCodeInput(
        @Nullable Long appId,
        @Nullable String name,
        @Nullable List<String> groups,
        @Nullable Integer threshold,
        @Nullable Long fallbackCodeId,
        @Nullable Boolean autoCreateRoom,
        @Nullable String roomBaseName,
        @Nullable Integer roomBaseId,
        @Nullable List<String> clear) {

    static final int MAX_GROUPS = 100;
    static final int MAX_ROOM_BASE_NAME = 40;

    boolean clears(String field) {
        return clear != null && clear.contains(field);
    }

    /** The groups, each a live group of the app ({@code usable}), none twice. */
    static List<String> groups(@Nullable List<String> groups, Set<String> usable, List<FieldProblem> problems) {
        var wanted = groups == null ? List.<String>of() : groups;
        if (wanted.isEmpty() || wanted.size() > MAX_GROUPS) {
            problems.add(new FieldProblem("groups", "wecom.group-code.groups", MAX_GROUPS));
            return List.of();
        }
        var seen = new HashSet<String>();
        var result = new ArrayList<String>();
        for (int i = 0; i < wanted.size(); i++) {
            var chatId = wanted.get(i) == null ? "" : wanted.get(i).strip();
            if (!usable.contains(chatId)) {
                problems.add(new FieldProblem("groups[" + i + "]", "wecom.group-code.group.unknown", chatId));
            } else if (!seen.add(chatId)) {
                problems.add(new FieldProblem("groups[" + i + "]", "wecom.group-code.group.twice", chatId));
            } else {
                result.add(chatId);
            }
        }
        return result;
    }

    static int threshold(@Nullable Integer threshold, List<FieldProblem> problems) {
        if (threshold == null) {
            return GroupCode.DEFAULT_THRESHOLD;
        }
        if (threshold < 1 || threshold > GroupCode.CAPACITY) {
            problems.add(new FieldProblem("threshold", "wecom.group-code.threshold", GroupCode.CAPACITY));
        }
        return threshold;
    }

    /** The room name prefix, required (≤ 40 characters) when WeCom is to make new rooms. */
    static @Nullable String roomBaseName(boolean autoCreate, @Nullable String name, List<FieldProblem> problems) {
        var value = name == null ? "" : name.strip();
        if (autoCreate && (value.isEmpty() || value.length() > MAX_ROOM_BASE_NAME)) {
            problems.add(new FieldProblem("roomBaseName", "wecom.group-code.room-base-name", MAX_ROOM_BASE_NAME));
        }
        return value.isEmpty() ? null : value;
    }

    static @Nullable Integer roomBaseId(boolean autoCreate, @Nullable Integer id, List<FieldProblem> problems) {
        if (id != null && id < 1) {
            problems.add(new FieldProblem("roomBaseId", "wecom.group-code.room-base-id"));
        }
        return autoCreate && id == null ? Integer.valueOf(1) : id;
    }
}
