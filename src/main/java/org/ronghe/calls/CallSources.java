package org.ronghe.calls;

import java.util.Optional;

import org.ronghe.platform.CurrentUser;

/**
 * Where a call raised by another capability came from, as that capability shows it (a visit's record):
 * the call page links to it for whoever may open it. Modules plug in without the calls module knowing them.
 */
public interface CallSources {

    Optional<Source> of(CurrentUser user, long callId);

    /**
     * @param kind   the message key of the kind of record (e.g. {@code source.visit}: 走访记录)
     * @param detail what names the record, e.g. the household's address and the day
     */
    record Source(String kind, String detail, String href) {
    }
}
