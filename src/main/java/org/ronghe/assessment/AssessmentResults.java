package org.ronghe.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The results of the assessment for other modules (the diagnosis sets the two sub-scores against each other, the
 * dashboard shows the ranking). A year's results are those of its latest published run, or of its latest run when
 * none is published yet; a year without a run has none.
 */
public interface AssessmentResults {

    Optional<Ranking> of(int year, Subject.Kind kind);

    /**
     * One run's results for one kind of subject, best first.
     *
     * @param asOf the last day whose records the run read (the year's end, or the day of a year-to-date run)
     */
    record Ranking(long runId, int year, LocalDate asOf, boolean published, List<Result> results) {

        public Ranking {
            results = List.copyOf(results);
        }
    }

    /**
     * A subject's place in a run.
     *
     * @param partyBuilding the party-building side's score out of 100 ({@code null} when the scheme gives it no weight)
     * @param business      the business-outcome side's score out of 100 ({@code null} likewise)
     * @param link          the page that explains the score down to its records
     */
    record Result(Subject subject, int rank, BigDecimal total, Grade grade, boolean vetoed, BigDecimal partyBuilding,
                  BigDecimal business, String link) {
    }
}
