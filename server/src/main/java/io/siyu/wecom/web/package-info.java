/** HTTP edge of the WeCom connector: the callback URLs WeCom calls and the app settings API. */
@NullMarked
package io.siyu.wecom.web;

import org.jspecify.annotations.NullMarked;
