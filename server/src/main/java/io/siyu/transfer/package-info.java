/**
 * Imports of customers, orders, events and tag assignments from CSV (UTF-8 or GBK, as Excel in China writes it) and XLSX,
 * with field mapping, a dry run, progress and an error report; exports of customer lists. Every row goes
 * through the same API services as a single write, so an import accepts and refuses exactly what the API
 * does, and re-importing a file changes nothing.
 */
@ApplicationModule(
        displayName = "Import and export",
        allowedDependencies = {"shared", "access", "customer", "commerce", "event", "segment", "tagging"})
@NullMarked
package io.siyu.transfer;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
