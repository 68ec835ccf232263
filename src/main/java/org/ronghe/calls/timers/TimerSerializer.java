package org.ronghe.calls.timers;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import com.github.kagkarlsson.scheduler.serializer.Serializer;

/**
 * Stores a timer's data as a short line of text ({@code v1|URGE|42|3||1767225600000}) instead of a
 * serialized Java object: readable in the table, cheap to write, and independent of class versions.
 */
final class TimerSerializer implements Serializer {

    private static final String VERSION = "v1";

    @Override
    public byte[] serialize(Object data) {
        if (data instanceof TimerData t) {
            return String.join("|", VERSION, t.kind().name(), Long.toString(t.subject()), Integer.toString(t.generation()),
                    t.organ() == null ? "" : Long.toString(t.organ()), t.due() == null ? "" : Long.toString(t.due().toEpochMilli()))
                    .getBytes(StandardCharsets.UTF_8);
        }
        return Serializer.DEFAULT_JAVA_SERIALIZER.serialize(data);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T deserialize(Class<T> type, byte[] bytes) {
        if (type != TimerData.class) {
            return Serializer.DEFAULT_JAVA_SERIALIZER.deserialize(type, bytes);
        }
        String[] p = new String(bytes, StandardCharsets.UTF_8).split("\\|", -1);
        if (p.length != 6 || !VERSION.equals(p[0])) {
            throw new IllegalArgumentException("not a timer: " + new String(bytes, StandardCharsets.UTF_8));
        }
        return (T) new TimerData(TimerData.Kind.valueOf(p[1]), Long.parseLong(p[2]), Integer.parseInt(p[3]),
                p[4].isEmpty() ? null : Long.parseLong(p[4]), p[5].isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(p[5])));
    }

    static final TimerSerializer INSTANCE = new TimerSerializer();
}
