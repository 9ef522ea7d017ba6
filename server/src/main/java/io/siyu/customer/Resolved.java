package io.siyu.customer;

import java.util.List;

/**
 * Where a write's identities led.
 *
 * @param home the profile the write's first known identity belongs to; events and orders are stored against
 *     it, so that an unmerge gives them back to the right person
 * @param customerId the profile everything resolves to now (the survivor when {@code home} was merged)
 * @param created whether the write created the profile
 * @param merged profiles merged into {@code customerId} by this write
 * @param conflict set when identities of several profiles met but the rules did not allow a merge
 */
public record Resolved(long home, long customerId, boolean created, List<Long> merged, boolean conflict) {

    public Resolved {
        merged = List.copyOf(merged);
    }
}
