package org.ronghe.calls;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * Calls replied to but rated unsolved, per organ they were dispatched to, for the diagnosis of "records without
 * outcomes". Counted as the calls list counts {@code /calls?lead=…&solved=false&from=…&to=…}: calls first dispatched to
 * the organ, raised between the dates (inclusive, the platform's zone), whose caller rated them.
 */
public interface CallResolution {

    /** The organs named that had rated calls in the period, by code; the caller decides which organs the reader sees. */
    List<OrganResolution> byOrgan(Collection<Long> organIds, LocalDate from, LocalDate to);

    /** @param link the calls list showing the unsolved ones */
    record OrganResolution(String organCode, long rated, long unsolved, String link) {
    }
}
