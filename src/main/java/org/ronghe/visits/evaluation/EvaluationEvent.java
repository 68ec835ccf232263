package org.ronghe.visits.evaluation;

import java.time.Instant;

/** What happened to a period or a rating, in the past tense, with the grade and remarks before and after. */
public record EvaluationEvent(Type type, String actor, Instant at, Grade gradeBefore, Grade gradeAfter, String remarksBefore,
                              String remarksAfter) {

    public enum Type { PERIOD_OPENED, PERIOD_CLOSED, RATED, REVISED }

    static EvaluationEvent period(Type type, String actor, Instant at) {
        return new EvaluationEvent(type, actor, at, null, null, null, null);
    }
}
