package org.ronghe.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * A test that reads the full demo district, as {@code ./mvnw spring-boot:run} seeds it (the report's 55 organs, 569
 * organisations, a year of calls, visits and organisational life). Seeding it takes more than a minute per database,
 * so every such test shares one context and one schema: they only read, never change it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@RongheTest
@TestPropertySource(properties = {"ronghe.test.schema=fulldemo", "ronghe.demo.size=full", "ronghe.demo.visits=full",
        "ronghe.demo.emergency=full"})
public @interface FullDemoDistrict {
}
