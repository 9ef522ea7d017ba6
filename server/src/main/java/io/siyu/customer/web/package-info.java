/** REST endpoints of the customer module. */
@NullMarked
package io.siyu.customer.web;

import org.jspecify.annotations.NullMarked;
