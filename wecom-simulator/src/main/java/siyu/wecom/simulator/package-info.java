/**
 * The WeCom simulator: the parts of WeCom's server API that Siyu calls, with WeCom's tokens, error codes
 * and limits, and scenarios that send real encrypted callbacks. Its own root package, so that it never
 * mixes with Siyu's modules when both run in one JVM (as in Siyu's tests and demo).
 */
@NullMarked
package siyu.wecom.simulator;

import org.jspecify.annotations.NullMarked;
