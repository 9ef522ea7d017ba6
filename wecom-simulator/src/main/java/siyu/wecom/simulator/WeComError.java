package siyu.wecom.simulator;

/** An error as WeCom answers it: {@code {"errcode": 40014, "errmsg": "invalid access_token, hint: [...]"}}. */
public class WeComError extends RuntimeException {

    private final int errcode;

    public WeComError(int errcode, String errmsg) {
        super(errmsg);
        this.errcode = errcode;
    }

    public int errcode() {
        return errcode;
    }

    static WeComError missingToken() {
        return new WeComError(41001, "access_token missing");
    }

    static WeComError invalidToken() {
        return new WeComError(40014, "invalid access_token");
    }

    static WeComError expiredToken() {
        return new WeComError(42001, "access_token expired");
    }
}
