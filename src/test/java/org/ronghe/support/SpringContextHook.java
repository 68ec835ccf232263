package org.ronghe.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import net.jqwik.api.lifecycle.AroundContainerHook;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.ContainerLifecycleContext;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import org.springframework.test.context.TestContextManager;

/**
 * Runs jqwik properties inside Spring's test context framework, as Jupiter's SpringExtension does for
 * tests: one {@link TestContextManager} per class, the class's instance prepared (its fields injected)
 * before each property, and the context taken from the same cache as the Jupiter tests use.
 */
public class SpringContextHook implements AroundContainerHook, AroundPropertyHook {

    private static final Map<Class<?>, TestContextManager> MANAGERS = new ConcurrentHashMap<>();

    private static TestContextManager manager(Class<?> testClass) {
        return MANAGERS.computeIfAbsent(testClass, TestContextManager::new);
    }

    @Override
    public void beforeContainer(ContainerLifecycleContext context) {
        context.optionalContainerClass().ifPresent(testClass -> run(() -> manager(testClass).beforeTestClass()));
    }

    @Override
    public void afterContainer(ContainerLifecycleContext context) {
        context.optionalContainerClass().map(MANAGERS::remove).ifPresent(manager -> run(manager::afterTestClass));
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void run(Step step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) throws Throwable {
        TestContextManager manager = manager(context.containerClass());
        Object instance = context.testInstance();
        manager.prepareTestInstance(instance);
        manager.beforeTestMethod(instance, context.targetMethod());
        PropertyExecutionResult result = property.execute();
        manager.afterTestMethod(instance, context.targetMethod(), result.throwable().orElse(null));
        return result;
    }

    /** Outside everything else, so the instance is ready before {@code @BeforeProperty} methods run. */
    @Override
    public int aroundPropertyProximity() {
        return -100;
    }
}
