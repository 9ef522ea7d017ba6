/**
 * Journeys (旅程/SOP): a trigger lets customers in, and each goes through waits, conditions, splits and actions,
 * durably and once: every step a customer passes is a row written in the transaction that moves them on, and
 * what a step hands on (messages, webhooks, tasks) is keyed by that row. Published definitions are versions;
 * customers finish on the version they entered.
 */
@ApplicationModule(
        displayName = "Journeys",
        allowedDependencies = {"shared", "access", "customer", "event", "segment", "tagging", "messaging", "wecom"})
@NullMarked
package io.siyu.journey;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
