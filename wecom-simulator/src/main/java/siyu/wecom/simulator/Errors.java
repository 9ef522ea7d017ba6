package siyu.wecom.simulator;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors as WeCom answers them: HTTP 200 and {@code {"errcode","errmsg"}}, the errmsg with a hint; a body
 * that is not JSON is 47001. The sandbox ({@code /sim}) answers the same body with a 4xx status.
 */
@RestControllerAdvice
class Errors {

    @ExceptionHandler(WeComError.class)
    ResponseEntity<Map<String, Object>> error(WeComError error, HttpServletRequest request) {
        return answer(error, request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpServletRequest request) {
        return answer(Body.dataFormat(), request);
    }

    private static ResponseEntity<Map<String, Object>> answer(WeComError error, HttpServletRequest request) {
        if (request.getRequestURI().startsWith("/sim")) {
            var status = error instanceof SandboxError sandbox ? sandbox.status() : HttpStatus.BAD_REQUEST;
            return ResponseEntity.status(status)
                    .body(Json.object("errcode", error.errcode(), "errmsg", error.getMessage()));
        }
        var errmsg = error.getMessage() + ", hint: [" + Ids.token(16) + "], from ip: 127.0.0.1, more info at "
                + "https://open.work.weixin.qq.com/devtool/query?e=" + error.errcode();
        return ResponseEntity.ok(Json.object("errcode", error.errcode(), "errmsg", errmsg));
    }
}
