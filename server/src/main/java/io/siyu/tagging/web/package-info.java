/** The tag API: groups, tags, and tagging customers. */
@NullMarked
package io.siyu.tagging.web;

import org.jspecify.annotations.NullMarked;
