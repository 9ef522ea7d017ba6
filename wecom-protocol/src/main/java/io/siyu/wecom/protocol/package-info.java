/**
 * WeCom's callback protocol as both sides speak it: the signature and AES scheme, the XML envelopes and
 * safe XML parsing. Used by Siyu's connector and by the WeCom simulator, so the two cannot drift apart.
 */
@NullMarked
package io.siyu.wecom.protocol;

import org.jspecify.annotations.NullMarked;
