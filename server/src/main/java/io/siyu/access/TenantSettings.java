package io.siyu.access;

import io.siyu.shared.TenantId;

/** A tenant's name and the IANA time zone in which its console shows times. */
public record TenantSettings(TenantId id, String name, String timeZone) {}
