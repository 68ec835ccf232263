package org.ronghe.calls;

import java.time.Instant;
import java.util.List;

/**
 * Issues a directive (市有呼唤、全区必应) for another module, in the caller's transaction: party life turns a decision of
 * the committee's meeting into one. Progress comes back as {@link DirectiveChanged}.
 */
public interface DirectiveIntake {

    /**
     * @param organs the organ codes it goes to; every organ when empty
     * @return the directive's id and how many units it went to
     */
    Issued issue(String actor, String title, String body, Instant deadline, List<String> organs);

    record Issued(long directiveId, int units) {
    }
}
