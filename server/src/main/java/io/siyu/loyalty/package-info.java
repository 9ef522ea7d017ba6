/**
 * Membership and loyalty (seed 003): a program with tiers by growth value, members, a points ledger (per-grant
 * expiry, first-in first-out spending, reversal on refund, adjustments approved by a second person), coupons and
 * a points mall. Grants, spends and redemptions each carry a unique key, so none is applied twice.
 */
@ApplicationModule(
        displayName = "Loyalty",
        allowedDependencies = {"shared", "access", "customer", "event", "segment", "journey"})
@NullMarked
package io.siyu.loyalty;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
