/** REST endpoints of the import and export module. */
@NullMarked
package io.siyu.transfer.web;

import org.jspecify.annotations.NullMarked;
