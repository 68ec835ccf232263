package org.ronghe.partylife.commitment;

import java.util.Collection;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * For the democratic review (民主评议), beside each member's vote: per member and year, how many commitments they
 * made, how many named a measurable target, and how many of those the records show fulfilled. Computed like every
 * list of commitments, for all the members asked at once.
 */
@Component
public class MemberCommitments {

    private final CommitmentQueries queries;

    MemberCommitments(CommitmentQueries queries) {
        this.queries = queries;
    }

    /** Each asked member's tally for the year (withdrawn commitments left out); zeros for a member without a card. */
    public Map<Long, Fulfilment.Tally> of(Collection<Long> memberIds, int year) {
        return queries.tally(memberIds, year);
    }
}
