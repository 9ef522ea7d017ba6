package siyu.wecom.simulator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** The state of every simulated corp, made on first use by the API or the sandbox. */
@Component
class CorpStates {

    private final Map<String, Corp> corps = new ConcurrentHashMap<>();
    private final Corps registry;
    private final SimulatedClock clock;

    CorpStates(Corps registry, SimulatedClock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** The corp of an app that called the API (it always exists). */
    Corp of(Corps.App app) {
        return corps.computeIfAbsent(app.corpId(), this::newCorp);
    }

    /** A corp the sandbox names: one with a registered app or a state; 404 otherwise. */
    Corp known(String corpId) {
        var corp = corps.get(corpId);
        if (corp != null) {
            return corp;
        }
        if (registry.apps(corpId).isEmpty()) {
            throw SandboxError.notFound("corp " + corpId);
        }
        return corps.computeIfAbsent(corpId, this::newCorp);
    }

    /** A corp the sandbox sets up, made if new. */
    Corp create(String corpId) {
        return corps.computeIfAbsent(corpId, this::newCorp);
    }

    private Corp newCorp(String corpId) {
        return new Corp(corpId, clock.now());
    }

    Iterable<Corp> all() {
        return corps.values();
    }
}
