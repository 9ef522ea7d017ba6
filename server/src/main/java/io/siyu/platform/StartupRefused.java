package io.siyu.platform;

/**
 * Siyu will not start in this configuration, for a reason the operator can fix. Reported by
 * {@link StartupRefusalAnalyzer} as a short description and action, without a stack trace.
 */
class StartupRefused extends IllegalStateException {

    private final String action;

    StartupRefused(String description, String action) {
        super(description);
        this.action = action;
    }

    String action() {
        return action;
    }
}
