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
    public static final String CUSTOMERS_READ = "customers:read";
    public static final String CUSTOMERS_WRITE = "customers:write";
    /** Unmasked mobiles, emails and other identities. */
    public static final String CUSTOMERS_PII = "customers:pii";
    /** Reads every customer; without it, a staff member sees only the customers they own. */
    public static final String CUSTOMERS_ALL = "customers:all";

    public static final String COMMERCE_READ = "commerce:read";
    public static final String COMMERCE_WRITE = "commerce:write";
    public static final String DATA_TRANSFER = "data:transfer";
    public static final String SEGMENTS_READ = "segments:read";
    public static final String SEGMENTS_WRITE = "segments:write";
    public static final String TAGS_READ = "tags:read";
    /** Tags and untags customers, and keeps one's own personal tags. */
    public static final String TAGS_WRITE = "tags:write";
    /** Creates, renames and deletes tag groups and the organisation's tags. */
    public static final String TAGS_MANAGE = "tags:manage";
    /** Connects WeCom apps and sees their callback settings (Token, EncodingAESKey). */
    public static final String WECOM_MANAGE = "wecom:manage";
    /** Sees live codes, their statistics, and the WeCom staff directory. */
    public static final String LIVE_CODES_READ = "live-codes:read";
    /** Hands a staff member's WeCom customers to another (在职转移, 离职继承). */
    public static final String WECOM_HANDOVER = "wecom:handover";
    /** Creates, changes and deletes live codes. */
    public static final String LIVE_CODES_WRITE = "live-codes:write";

    /** Sees the material library and the script library (话术库); staff use them in chats. */
    public static final String CONTENT_READ = "content:read";
    /** Adds, changes and deletes materials, scripts and their groups. */
    public static final String CONTENT_WRITE = "content:write";

    /** Sees mass sends, their statistics and the sending rules. */
    public static final String MESSAGING_READ = "messaging:read";
    /** Creates, cancels and reminds mass sends; changes the sending rules. */
    public static final String MESSAGING_SEND = "messaging:send";

    /** Sees journeys (旅程/SOP), their statistics, runs and templates. */
    public static final String JOURNEYS_READ = "journeys:read";
    /** Creates, edits, publishes, pauses and stops journeys. */
    public static final String JOURNEYS_WRITE = "journeys:write";
    /** Sees staff tasks: everyone's, or (staff) one's own; marks them done. */
    public static final String TASKS_READ = "tasks:read";
    /** 任务宝 campaigns, their participants, invites and rewards. */
    public static final String GROWTH_READ = "growth:read";
    /** Make, start and end campaigns; join customers to them. */
    public static final String GROWTH_WRITE = "growth:write";

    /** Sees the loyalty program, members, their points and coupons, the mall and the dashboard. */
    public static final String LOYALTY_READ = "loyalty:read";
    /** Makes members, spends points for shops, issues and redeems coupons, places and moves mall orders. */
    public static final String LOYALTY_WRITE = "loyalty:write";
    /** Sets the program and its tiers, coupon templates and mall items. */
    public static final String LOYALTY_MANAGE = "loyalty:manage";
    /** Approves or rejects points adjustments (someone else asked for). */
    public static final String LOYALTY_APPROVE = "loyalty:approve";

    /** Sees the analytics: AARRR funnel, cohorts, GMV decomposition, the WeCom funnel and staff KPIs. */
    public static final String ANALYTICS_READ = "analytics:read";
    /** Sets the WeCom funnel's baselines and enters channel spend. */
    public static final String ANALYTICS_MANAGE = "analytics:manage";

    private Permission() {}
}
