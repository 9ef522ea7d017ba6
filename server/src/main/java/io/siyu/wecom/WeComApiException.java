package io.siyu.wecom;

/**
 * WeCom answered an API call with an error code. The kind says what a caller can do about it; the code and
 * message are WeCom's (the message carries WeCom's hint, for its support).
 */
public final class WeComApiException extends RuntimeException {

    /** What an error code means for the caller. */
    public enum Kind {
        /** The access token is missing, invalid or expired (refreshed and retried once before this is thrown). */
        TOKEN,
        /** WeCom is busy or the call rate is over its limit (retried with backoff before this is thrown). */
        THROTTLED,
        /** Corp id, secret, trusted IP or the app's API permission is wrong: an operator must fix the settings. */
        CONFIGURATION,
        /** The app or the member lacks a permission for what was asked. */
        PERMISSION,
        /** A WeCom quota or limit is reached (contact ways, tags, transfers, welcome codes). */
        LIMIT,
        /** Something asked about does not exist (or not for this app). */
        NOT_FOUND,
        /** The request itself is wrong. */
        INVALID,
        /** WeCom did not answer, or not with JSON. */
        UNAVAILABLE
    }

    private final int errcode;
    private final String path;
    private final Kind kind;

    WeComApiException(String path, int errcode, String errmsg) {
        super(path + ": errcode " + errcode + ", " + errmsg);
        this.errcode = errcode;
        this.path = path;
        this.kind = kindOf(errcode);
    }

    public int errcode() {
        return errcode;
    }

    public String path() {
        return path;
    }

    public Kind kind() {
        return kind;
    }

    /**
     * No answer came back, or WeCom said only that it was busy (-1): the call may or may not have taken effect,
     * and one that must not happen twice is checked with WeCom before it is made again.
     */
    public boolean outcomeUnknown() {
        return errcode == UNAVAILABLE_CODE || errcode == -1;
    }

    /** WeCom refused the call before doing anything (the rate limit): safe to make again. */
    public boolean refusedUnprocessed() {
        return errcode == 45009 || errcode == 45033;
    }

    /**
     * This refusal as the answer to an operator's request: 502 (WeCom, not the request, said no) with a
     * message per kind in the caller's language, and WeCom's code and message for support.
     */
    public io.siyu.shared.DomainException toProblem() {
        return new io.siyu.shared.DomainException(
                org.springframework.http.HttpStatus.BAD_GATEWAY,
                "wecom.api." + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                errcode == UNAVAILABLE_CODE ? "-" : String.valueOf(errcode),
                getMessage());
    }

    /** Error codes from WeCom's global list (doc 90313) and the 客户联系 pages. */
    static Kind kindOf(int errcode) {
        return switch (errcode) {
            case 40014, 41001, 42001, 42009 -> Kind.TOKEN;
            case -1, 45009, 45033 -> Kind.THROTTLED;
            case 40001, 40013, 40091, 48002, 60020, 301002 -> Kind.CONFIGURATION;
            case 60011, 84074, 41054, 40098 -> Kind.PERMISSION;
            case 40126, 41045, 40128, 41050, 41051, 41041 -> Kind.LIMIT;
            case 40003, 40096, 84061, 41044, 60111 -> Kind.NOT_FOUND;
            case UNAVAILABLE_CODE -> Kind.UNAVAILABLE;
            default -> Kind.INVALID;
        };
    }

    /** Not WeCom's: no usable answer came back. */
    static final int UNAVAILABLE_CODE = -99_999;
}
