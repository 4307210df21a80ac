package org.haochaping;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** 政务服务"好差评": collects, handles and publishes citizens' ratings of government services. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class HaochapingApplication {

    public static void main(String[] args) {
        SpringApplication.run(HaochapingApplication.class, args);
    }
}
