package org.ronghe.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.PropagationMode;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@link RongheTest} for jqwik properties: the same application on the same databases (H2, and
 * PostgreSQL in the build's second pass through the jqwik tag {@code sql}), its beans injected into
 * each property's instance by {@link SpringContextHook}, since jqwik does not run Jupiter extensions.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles(resolver = TestDatabase.class)
@Import({TestClock.Configuration.class, CleanDatabase.class, Api.class, Pages.class})
@Tag("sql")
@AddLifecycleHook(value = SpringContextHook.class, propagateTo = PropagationMode.ALL_DESCENDANTS)
public @interface RongheProperties {
}
