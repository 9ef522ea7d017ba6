@NullMarked
package io.siyu.analytics.web;

import org.jspecify.annotations.NullMarked;
