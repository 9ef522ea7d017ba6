package io.siyu.shared;

/** A brand's tenant. Every tenant-owned row carries it and PostgreSQL row-level security enforces it. */
public record TenantId(long value) {

    public TenantId {
        if (value <= 0) {
            throw new IllegalArgumentException("tenant id must be positive: " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
