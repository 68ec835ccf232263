package org.ronghe.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Fails a property that passed on its own but left the database different ({@link DatabaseDigest}):
 * the class's {@link Prepared#prepare()} runs first (to make what the property aims at), then the
 * digest is taken, the property runs, and the digest is taken again. A property that failed keeps its
 * own failure, which names the request that did it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@AddLifecycleHook(DatabaseUnchanged.Hook.class)
public @interface DatabaseUnchanged {

    /** What a test class offers the hook. */
    interface Prepared {

        DataSource dataSource();

        /** Makes the records the properties aim at, once; called before the first digest. */
        void prepare();
    }

    class Hook implements AroundPropertyHook {

        @Override
        public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
            Prepared test = (Prepared) context.testInstance();
            test.prepare();
            Map<String, String> before = DatabaseDigest.of(test.dataSource());
            PropertyExecutionResult result = property.execute();
            if (result.status() != PropertyExecutionResult.Status.SUCCESSFUL) {
                return result;
            }
            List<String> changes = DatabaseDigest.changes(before, DatabaseDigest.of(test.dataSource()));
            return changes.isEmpty() ? result
                    : result.mapToFailed(new AssertionError("tables written by " + context.label() + ": " + changes));
        }

        /** Inside the Spring hook, which injects the instance first. */
        @Override
        public int aroundPropertyProximity() {
            return -50;
        }
    }
}
