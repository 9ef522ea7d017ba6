package io.siyu.customer;

/**
 * Published when a profile was merged into another ({@code undone} false) or split off again ({@code undone}
 * true); everything that indexes customers by number (segments, rollups) moves {@code merged}'s data.
 */
public record CustomerMerged(long tenantId, long mergeId, long survivorId, long mergedId, boolean undone) {}
