package io.siyu.wecom.protocol;

/** A callback, or a value to build one from, that fails WeCom's rules; the reason keeps WeCom's error number. */
public final class CallbackRejected extends RuntimeException {

    /** The official samples' error numbers, so that logs read the same as theirs. */
    public enum Reason {
        SIGNATURE(-40001),
        XML(-40002),
        ILLEGAL_KEY(-40004),
        RECEIVE_ID(-40005),
        ENCRYPT(-40006),
        DECRYPT(-40007),
        BUFFER(-40008),
        BASE64(-40010),
        /** Not one of WeCom's: the timestamp is outside the window this side accepts (a replay). */
        STALE(-40100);

        private final int code;

        Reason(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }
    }

    private final Reason reason;

    public CallbackRejected(Reason reason, String detail) {
        super(reason + " (" + reason.code() + "): " + detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
