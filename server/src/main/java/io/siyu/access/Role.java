package io.siyu.access;

import static io.siyu.access.Permission.*;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The four roles of seed 000's organisation: back office (admin), middle office (manager, operator), front office (staff). */
public enum Role {
    ADMIN(Set.of(
            DASHBOARD_READ,
            ACCOUNTS_READ,
            ACCOUNTS_WRITE,
            API_KEYS_MANAGE,
            AUDIT_READ,
            TENANT_WRITE,
            METRICS_READ,
            EVENTS_READ,
            EVENTS_WRITE,
            CUSTOMERS_READ,
            CUSTOMERS_WRITE,
            CUSTOMERS_PII,
            CUSTOMERS_ALL,
            COMMERCE_READ,
            COMMERCE_WRITE,
            DATA_TRANSFER,
            SEGMENTS_READ,
            SEGMENTS_WRITE,
            TAGS_READ,
            TAGS_WRITE,
            TAGS_MANAGE,
            WECOM_MANAGE,
            WECOM_HANDOVER,
            LIVE_CODES_READ,
            LIVE_CODES_WRITE,
            CONTENT_READ,
            CONTENT_WRITE,
            MESSAGING_READ,
            MESSAGING_SEND,
            JOURNEYS_READ,
            JOURNEYS_WRITE,
            TASKS_READ,
            GROWTH_READ,
            GROWTH_WRITE,
            LOYALTY_READ,
            LOYALTY_WRITE,
            LOYALTY_MANAGE,
            LOYALTY_APPROVE,
            ANALYTICS_READ,
            ANALYTICS_MANAGE)),
    MANAGER(Set.of(
            DASHBOARD_READ,
            ACCOUNTS_READ,
            AUDIT_READ,
            EVENTS_READ,
            EVENTS_WRITE,
            CUSTOMERS_READ,
            CUSTOMERS_WRITE,
            CUSTOMERS_PII,
            CUSTOMERS_ALL,
            COMMERCE_READ,
            COMMERCE_WRITE,
            DATA_TRANSFER,
            SEGMENTS_READ,
            SEGMENTS_WRITE,
            TAGS_READ,
            TAGS_WRITE,
            TAGS_MANAGE,
            WECOM_HANDOVER,
            LIVE_CODES_READ,
            LIVE_CODES_WRITE,
            CONTENT_READ,
            CONTENT_WRITE,
            MESSAGING_READ,
            MESSAGING_SEND,
            JOURNEYS_READ,
            JOURNEYS_WRITE,
            TASKS_READ,
            GROWTH_READ,
            GROWTH_WRITE,
            LOYALTY_READ,
            LOYALTY_WRITE,
            LOYALTY_MANAGE,
            LOYALTY_APPROVE,
            ANALYTICS_READ,
            ANALYTICS_MANAGE)),
    OPERATOR(Set.of(
            DASHBOARD_READ,
            EVENTS_READ,
            EVENTS_WRITE,
            CUSTOMERS_READ,
            CUSTOMERS_WRITE,
            CUSTOMERS_ALL,
            COMMERCE_READ,
            DATA_TRANSFER,
            SEGMENTS_READ,
            SEGMENTS_WRITE,
            TAGS_READ,
            TAGS_WRITE,
            TAGS_MANAGE,
            LIVE_CODES_READ,
            LIVE_CODES_WRITE,
            CONTENT_READ,
            CONTENT_WRITE,
            MESSAGING_READ,
            MESSAGING_SEND,
            JOURNEYS_READ,
            JOURNEYS_WRITE,
            TASKS_READ,
            GROWTH_READ,
            GROWTH_WRITE,
            LOYALTY_READ,
            LOYALTY_WRITE,
            ANALYTICS_READ)),
    STAFF(Set.of(DASHBOARD_READ, CUSTOMERS_READ, COMMERCE_READ, TAGS_READ, TAGS_WRITE, CONTENT_READ, TASKS_READ));

    private final Set<String> permissions;

    Role(Set<String> permissions) {
        this.permissions = permissions;
    }

    public Set<String> permissions() {
        return permissions;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code().equals(code)).findFirst();
    }
}
