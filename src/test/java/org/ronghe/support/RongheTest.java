package org.ronghe.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test against the whole platform on a real database: H2 by default, PostgreSQL when the build
 * runs the {@code postgres} pass (see {@link TestDatabase}). The small demo district is seeded.
 * Tests that change data name their own schema with {@code ronghe.test.schema} so they get a
 * database of their own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles(resolver = TestDatabase.class)
@Import({TestClock.Configuration.class, CleanDatabase.class, Api.class, Pages.class})
@Tag("sql")
public @interface RongheTest {
}
