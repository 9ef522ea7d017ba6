/**
 * Analytics (capability 14; seeds 000 and 002): the AARRR funnel, cohorts, the GMV decomposition and user asset
 * table, the WeCom funnel with baselines, staff KPIs and channel ROI. Customer counts are segment rules answered by
 * the segment engine's bitmaps (so every count opens as a segment); money and relation figures are read from the
 * other modules' tables in read-only SQL, a reporting view over data this module does not own. It owns its settings
 * (baselines), the channel spend operators enter, and a rollup of trial orders per profile kept current as orders
 * are paid.
 */
@ApplicationModule(
        displayName = "Analytics",
        allowedDependencies = {"shared", "access", "segment", "event", "wecom", "commerce"})
@NullMarked
package io.siyu.analytics;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
