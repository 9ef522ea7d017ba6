package io.siyu.wecom;

/** No connected app has the key in a callback's URL. */
public final class UnknownCallbackApp extends RuntimeException {

    UnknownCallbackApp() {
        super("no WeCom app has this callback key");
    }
}
