/** HTTP API of journeys, their statistics and templates, and staff tasks. */
@NullMarked
package io.siyu.journey.web;

import org.jspecify.annotations.NullMarked;
