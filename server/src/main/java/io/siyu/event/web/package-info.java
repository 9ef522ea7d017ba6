/** REST endpoints of the event module. */
@NullMarked
package io.siyu.event.web;

import org.jspecify.annotations.NullMarked;
