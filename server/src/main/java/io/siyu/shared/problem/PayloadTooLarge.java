package io.siyu.shared.problem;

import java.io.IOException;

/** Raised while reading a request body that grows past the configured limit (chunked bodies included). */
public class PayloadTooLarge extends IOException {

    private final long limit;

    public PayloadTooLarge(long limit) {
        super("request body larger than " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
