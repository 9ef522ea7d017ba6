package io.siyu;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableAsync;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableAsync
public class SiyuApplication {

    public static void main(String[] args) {
        var context = SpringApplication.run(SiyuApplication.class, args);
        // ./siyu generate is a one-off: the data set is loaded once the context has started, so end here
        if (context.getEnvironment().getProperty("siyu.generate.only", Boolean.class, false)) {
            System.exit(SpringApplication.exit(context));
        }
    }
}
