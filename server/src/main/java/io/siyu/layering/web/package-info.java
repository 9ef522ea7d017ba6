/** The layering API: layers with level counts, RFM grid and scoring, transition matrices. */
@NullMarked
package io.siyu.layering.web;

import org.jspecify.annotations.NullMarked;
