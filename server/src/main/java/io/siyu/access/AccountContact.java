package io.siyu.access;

import org.jspecify.annotations.Nullable;

/**
 * What identifies a staff account outside Siyu: its username, and the work mobile and email given at creation
 * (null when none was given). The WeCom connector matches accounts with its directory by these.
 */
public record AccountContact(
        long id,
        String username,
        @Nullable String mobile,
        @Nullable String email) {}
