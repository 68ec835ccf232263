package org.ronghe.platform;

import java.util.Map;

/**
 * The append-only audit log: every sign-in and every write, with who, when, what, before and
 * after. Writes call it inside their own transaction so the entry and the change land together.
 */
public interface Audit {

    /** Records an entry on behalf of the signed-in person (or {@code system} when nobody is signed in). */
    void record(Entry entry);

    /** Records an entry on behalf of a named actor, e.g. the username of a failed sign-in. */
    void recordAs(String actor, Entry entry);

    /** Records many entries at once (imports), in one batch. */
    void recordAll(Iterable<Entry> entries);

    /** Records many entries on behalf of a named actor, in one batch. */
    void recordAllAs(String actor, Iterable<Entry> entries);

    /**
     * @param action  past-tense verb, e.g. {@code MEMBER_IMPORTED}
     * @param subject the kind of record, e.g. {@code member}
     * @param key     the record's business key, e.g. its code
     * @param before  state before the change, {@code null} when created
     * @param after   state after the change, {@code null} when nothing remains
     */
    record Entry(String action, String subject, String key, Map<String, ?> before, Map<String, ?> after) {

        public static Entry of(String action, String subject, String key) {
            return new Entry(action, subject, key, null, null);
        }

        public static Entry change(String action, String subject, String key, Map<String, ?> before, Map<String, ?> after) {
            return new Entry(action, subject, key, before, after);
        }
    }
}
