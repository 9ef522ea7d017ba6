package io.siyu.wecom;

import org.springframework.context.ConfigurableApplicationContext;
import siyu.wecom.simulator.Corps;
import siyu.wecom.simulator.SimulatedClock;
import siyu.wecom.simulator.SimulatorApplication;

/** One WeCom simulator for the test JVM, on a free port, started on first use. */
public final class WeComSimulatorSupport {

    private static ConfigurableApplicationContext simulator;

    private WeComSimulatorSupport() {}

    public static synchronized ConfigurableApplicationContext simulator() {
        if (simulator == null) {
            simulator = SimulatorApplication.start("--server.port=0", "--logging.level.root=warn");
        }
        return simulator;
    }

    public static String baseUrl() {
        return "http://localhost:" + port();
    }

    public static int port() {
        return Integer.parseInt(
                java.util.Objects.requireNonNull(simulator().getEnvironment().getProperty("local.server.port")));
    }

    /** The simulator's controls ({@code /sim}) and API, as a plain HTTP client. */
    public static io.siyu.ApiClient http() {
        return new io.siyu.ApiClient(port());
    }

    public static Corps corps() {
        return simulator().getBean(Corps.class);
    }

    public static SimulatedClock clock() {
        return simulator().getBean(SimulatedClock.class);
    }
}
