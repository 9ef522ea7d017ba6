package io.siyu.wecom;

/**
 * Processes one kind of callback, in the transaction that marks it processed: its effects and that mark
 * commit together, so a callback is processed once even across a crash.
 */
interface CallbackHandler {

    /** Whether this handler processes callbacks of {@code kind} (see {@link WeComCallback#kindOf}). */
    boolean handles(String kind);

    void handle(WeComApp app, WeComCallback callback);
}
