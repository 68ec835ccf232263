package org.ronghe.partylife.responsibility;

import java.time.Instant;

/** A step on a letter, one of its items, or a duty report, as written to {@code responsibility_event}. */
public record Event(String type, Instant at, String actor, String note) {
}
