package io.siyu.access;

/** Permission names as used in {@code @PreAuthorize("hasAuthority('...')")} on every endpoint. */
public final class Permission {

    public static final String DASHBOARD_READ = "dashboard:read";
    public static final String ACCOUNTS_READ = "accounts:read";
    public static final String ACCOUNTS_WRITE = "accounts:write";
    public static final String API_KEYS_MANAGE = "api-keys:manage";
    public static final String AUDIT_READ = "audit:read";
    public static final String TENANT_WRITE = "tenant:write";
    public static final String METRICS_READ = "metrics:read";
    public static final String EVENTS_READ = "events:read";
    public static final String EVENTS_WRITE = "events:write";

    private Permission() {}
}
