/** REST endpoint of the dashboard. */
@NullMarked
package io.siyu.dashboard.web;

import org.jspecify.annotations.NullMarked;
