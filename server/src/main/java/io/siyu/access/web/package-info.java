/** REST endpoints of the access module under /api/v1. */
@NullMarked
package io.siyu.access.web;

import org.jspecify.annotations.NullMarked;
