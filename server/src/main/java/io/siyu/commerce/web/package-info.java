/** REST endpoints of the commerce module. */
@NullMarked
package io.siyu.commerce.web;

import org.jspecify.annotations.NullMarked;
