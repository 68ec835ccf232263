package org.ronghe.partylife.review;

/** Votes for one member by grade: a source's (the ballots cast, a paper count) or their sum. */
public record Tally(int excellent, int qualified, int basicallyQualified, int unqualified) {

    public static final Tally ZERO = new Tally(0, 0, 0, 0);

    public static Tally one(Grade grade) {
        return switch (grade) {
            case EXCELLENT -> new Tally(1, 0, 0, 0);
            case QUALIFIED -> new Tally(0, 1, 0, 0);
            case BASICALLY_QUALIFIED -> new Tally(0, 0, 1, 0);
            case UNQUALIFIED -> new Tally(0, 0, 0, 1);
        };
    }

    public Tally plus(Tally other) {
        return new Tally(excellent + other.excellent, qualified + other.qualified, basicallyQualified + other.basicallyQualified,
                unqualified + other.unqualified);
    }

    public int total() {
        return excellent + qualified + basicallyQualified + unqualified;
    }

    public int votes(Grade grade) {
        return switch (grade) {
            case EXCELLENT -> excellent;
            case QUALIFIED -> qualified;
            case BASICALLY_QUALIFIED -> basicallyQualified;
            case UNQUALIFIED -> unqualified;
        };
    }

    /**
     * The grade with most votes, {@code null} without any. On a tie the more modest grade: a grade the vote does not
     * clearly give is not proposed.
     */
    public Grade proposed() {
        Grade best = null;
        for (Grade grade : Grade.values()) {
            if (votes(grade) > 0 && (best == null || votes(grade) >= votes(best))) {
                best = grade;
            }
        }
        return best;
    }
}
