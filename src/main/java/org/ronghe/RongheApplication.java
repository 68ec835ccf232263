package org.ronghe;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Ronghe fuses party-building work with business work: calls answered, households visited,
 * meetings tied to outcomes, and the annual assessment computed from the records themselves.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RongheApplication {

    public static void main(String[] args) {
        SpringApplication.run(RongheApplication.class, args);
    }
}
