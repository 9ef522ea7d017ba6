package io.siyu.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a {@link StartupRefused} into Spring Boot's "APPLICATION FAILED TO START" report. */
class StartupRefusalAnalyzer extends AbstractFailureAnalyzer<StartupRefused> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StartupRefused cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
