package org.ronghe;

import static org.assertj.core.api.Assumptions.assumeThat;

import org.junit.jupiter.api.Test;
import org.ronghe.support.TestDatabase;

/** Says, in the test report, whether the SQL tests also ran on PostgreSQL. */
class PostgresPassTests {

    @Test
    void sqlTestsAlsoRunOnPostgresqlWhenAUrlIsGiven() {
        String url = System.getenv(TestDatabase.URL_VARIABLE);
        if (url == null || url.isBlank()) {
            System.out.println("PostgreSQL tests skipped: set " + TestDatabase.URL_VARIABLE
                    + " (e.g. jdbc:postgresql://127.0.0.1:5432/ronghe_test?user=postgres) to run every SQL test on PostgreSQL too.");
        }
        assumeThat(url).as("PostgreSQL tests skipped: %s is not set, SQL tests ran on H2 only", TestDatabase.URL_VARIABLE)
                .isNotBlank();
    }
}
