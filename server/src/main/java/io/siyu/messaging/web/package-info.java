/** HTTP API of mass sends and sending rules. */
@NullMarked
package io.siyu.messaging.web;

import org.jspecify.annotations.NullMarked;
