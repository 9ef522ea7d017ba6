/**
 * Commerce data from shops: products with their role in the assortment, orders with lines, payments and
 * refunds. A paid order is a purchase event and adds to the customer's totals; a refund takes it back.
 */
@ApplicationModule(
        displayName = "Commerce",
        allowedDependencies = {"shared", "access", "customer", "event"})
@NullMarked
package io.siyu.commerce;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
