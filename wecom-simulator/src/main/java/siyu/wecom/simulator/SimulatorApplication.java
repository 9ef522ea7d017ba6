package siyu.wecom.simulator;

import java.util.Map;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.servlet.autoconfigure.HttpEncodingAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;

/**
 * Runs the simulator alone ({@code ./siyu simulator}, port 8090 by default) or inside another application
 * ({@link #start}). It ships no application.yml, so that it never shadows the host's, and it imports only
 * the web auto-configuration it needs: in a host's JVM the host's database, security and actuator are on
 * the class path too, and none of them is the simulator's.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({
    TomcatServletWebServerAutoConfiguration.class,
    DispatcherServletAutoConfiguration.class,
    WebMvcAutoConfiguration.class,
    ErrorMvcAutoConfiguration.class,
    HttpMessageConvertersAutoConfiguration.class,
    HttpEncodingAutoConfiguration.class,
    JacksonAutoConfiguration.class
})
@ComponentScan
public class SimulatorApplication {

    public static void main(String[] args) {
        start(args);
    }

    /** Starts a simulator; {@code --server.port=0} picks a free port. */
    public static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(SimulatorApplication.class)
                .properties(Map.of(
                        "server.port", "8090",
                        "spring.application.name", "wecom-simulator",
                        "spring.main.banner-mode", "off"))
                .run(args);
    }
}
