package io.siyu.analytics;

import org.jspecify.annotations.Nullable;

/**
 * A staff member as the analytics pages filter by one: a WeCom staff member (userid), a Siyu staff account, or
 * both when the account is linked to the userid — one person either way. Their customers are those who have added
 * them on WeCom (at any time: a relation they lost stays theirs) and those whose profile they own.
 *
 * @param key how the API names them: {@code wecom:<userid>} when they have one, else {@code account:<id>}
 * @param name the WeCom name when they have a userid, else the account's display name
 */
public record StaffMember(
        String key,
        String name,
        @Nullable String userId,
        @Nullable Long accountId) {

    static StaffMember of(@Nullable String userId, @Nullable Long accountId, String name) {
        return new StaffMember(userId != null ? "wecom:" + userId : "account:" + accountId, name, userId, accountId);
    }
}
