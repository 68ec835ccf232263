package org.ronghe.visits.service;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What check-ins, service items and service logs share as stored records: an id once stored, a version that
 * guards concurrent steps, and the events of the steps taken since the record was last written.
 */
abstract class ServiceRecord {

    protected Long id;
    protected int version;
    protected final List<ServiceEvent> events = new ArrayList<>();

    public void assignIdentity(long id) {
        this.id = id;
    }

    /** The row is stored: the version moved on (unless it was new) and the events are written. */
    public void written(boolean inserted) {
        if (!inserted) {
            version++;
        }
        events.clear();
    }

    public List<ServiceEvent> events() {
        return Collections.unmodifiableList(events);
    }

    public Long id() {
        return id;
    }

    public int version() {
        return version;
    }
}
