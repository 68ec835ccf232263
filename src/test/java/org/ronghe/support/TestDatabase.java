package org.ronghe.support;

import org.springframework.test.context.ActiveProfilesResolver;

/**
 * Chooses the database of a test run: the {@code test} profile (in-memory H2 in PostgreSQL mode),
 * plus {@code pgtest} when the system property {@code ronghe.test.database=postgres} is set, which
 * the build sets for its second pass when {@code RONGHE_TEST_POSTGRES_URL} is given.
 */
public class TestDatabase implements ActiveProfilesResolver {

    public static final String PROPERTY = "ronghe.test.database";
    public static final String URL_VARIABLE = "RONGHE_TEST_POSTGRES_URL";

    public static boolean postgres() {
        return "postgres".equals(System.getProperty(PROPERTY));
    }

    @Override
    public String[] resolve(Class<?> testClass) {
        return postgres() ? new String[]{"test", "pgtest"} : new String[]{"test"};
    }
}
