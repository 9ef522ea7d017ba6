package siyu.wecom.simulator;

import org.springframework.http.HttpStatus;

/** Misuse of the sandbox ({@code /sim}): an unknown corp, customer or code. Answered with a 4xx status. */
class SandboxError extends WeComError {

    private final HttpStatus status;

    SandboxError(HttpStatus status, int errcode, String errmsg) {
        super(errcode, errmsg);
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }

    static SandboxError notFound(String what) {
        return new SandboxError(HttpStatus.NOT_FOUND, 404, what + " not found");
    }

    static SandboxError conflict(int errcode, String errmsg) {
        return new SandboxError(HttpStatus.CONFLICT, errcode, errmsg);
    }

    static SandboxError badRequest(String errmsg) {
        return new SandboxError(HttpStatus.BAD_REQUEST, 400, errmsg);
    }
}
