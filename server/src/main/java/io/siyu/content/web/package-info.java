/** HTTP API of the material and script libraries. */
@NullMarked
package io.siyu.content.web;

import org.jspecify.annotations.NullMarked;
