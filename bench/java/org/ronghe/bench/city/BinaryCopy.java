package org.ronghe.bench.city;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * One {@code COPY table (columns) FROM STDIN (FORMAT binary)} stream. Binary, because the server then parses no
 * text: on two cores the server's parsing of timestamps and numbers is what a text COPY waits for.
 */
final class BinaryCopy implements AutoCloseable {

    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};
    /** 2000-01-01T00:00Z, PostgreSQL's epoch, in microseconds since 1970. */
    static final long PG_EPOCH_MICROS = 946_684_800_000_000L;
    private static final long PG_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();
    private static final int FLUSH_AT = 1 << 20;

    private final CopyIn copy;
    private final Buffer buffer = new Buffer();
    private final int columns;
    private long rows;

    BinaryCopy(Connection connection, String table, String columnList) throws SQLException {
        this(connection, table, columnList, false);
    }

    /**
     * @param connection null to only count the rows (replaying a load without writing what is already there)
     * @param freeze     rows frozen and visible at once (the table must be created or truncated in this transaction)
     */
    BinaryCopy(Connection connection, String table, String columnList, boolean freeze) throws SQLException {
        this.columns = columnList.split(",").length;
        this.copy = connection == null ? null : connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + table + " (" + columnList + ") FROM STDIN (FORMAT binary" + (freeze ? ", FREEZE" : "") + ")");
        buffer.write(HEADER, 0, HEADER.length);
    }

    /** Starts a row; exactly as many values as columns must follow. */
    BinaryCopy row() throws SQLException {
        if (buffer.size() >= FLUSH_AT) {
            flush();
        }
        buffer.int16(columns);
        rows++;
        return this;
    }

    BinaryCopy nul() {
        buffer.int32(-1);
        return this;
    }

    BinaryCopy int8(long v) {
        buffer.int32(8);
        buffer.int64(v);
        return this;
    }

    BinaryCopy int4(int v) {
        buffer.int32(4);
        buffer.int32(v);
        return this;
    }

    BinaryCopy bool(boolean v) {
        buffer.int32(1);
        buffer.write(v ? 1 : 0);
        return this;
    }

    BinaryCopy bool(Boolean v) {
        return v == null ? nul() : bool(v.booleanValue());
    }

    BinaryCopy float8(double v) {
        return int8Raw(Double.doubleToLongBits(v));
    }

    private BinaryCopy int8Raw(long bits) {
        buffer.int32(8);
        buffer.int64(bits);
        return this;
    }

    BinaryCopy text(String v) {
        if (v == null) {
            return nul();
        }
        byte[] bytes = v.getBytes(StandardCharsets.UTF_8);
        buffer.int32(bytes.length);
        buffer.write(bytes, 0, bytes.length);
        return this;
    }

    /** A timestamp with time zone given in microseconds since 1970 (UTC); {@link Long#MIN_VALUE} for NULL. */
    BinaryCopy micros(long epochMicros) {
        return epochMicros == Long.MIN_VALUE ? nul() : int8(epochMicros - PG_EPOCH_MICROS);
    }

    BinaryCopy date(LocalDate v) {
        return v == null ? nul() : int4((int) (v.toEpochDay() - PG_EPOCH_DAY));
    }

    long rows() {
        return rows;
    }

    private void flush() throws SQLException {
        if (copy != null) {
            copy.writeToCopy(buffer.bytes(), 0, buffer.size());
        }
        buffer.reset();
    }

    /** Sends the trailer and ends the COPY; returns the rows the server took. */
    long finish() throws SQLException {
        buffer.int16(-1);
        flush();
        return copy == null ? rows : copy.endCopy();
    }

    @Override
    public void close() throws SQLException {
        if (copy != null && copy.isActive()) {
            copy.cancelCopy();
        }
    }

    /** A byte buffer with big-endian writes, sent to the server whole (unsynchronised, unlike ByteArrayOutputStream). */
    private static final class Buffer {

        private byte[] buf = new byte[FLUSH_AT + 64 * 1024];
        private int count;

        byte[] bytes() {
            return buf;
        }

        int size() {
            return count;
        }

        void reset() {
            count = 0;
        }

        private void room(int n) {
            if (count + n > buf.length) {
                buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, count + n));
            }
        }

        void write(int b) {
            room(1);
            buf[count++] = (byte) b;
        }

        void write(byte[] b, int off, int len) {
            room(len);
            System.arraycopy(b, off, buf, count, len);
            count += len;
        }

        void int16(int v) {
            room(2);
            buf[count++] = (byte) (v >>> 8);
            buf[count++] = (byte) v;
        }

        void int32(int v) {
            room(4);
            buf[count++] = (byte) (v >>> 24);
            buf[count++] = (byte) (v >>> 16);
            buf[count++] = (byte) (v >>> 8);
            buf[count++] = (byte) v;
        }

        void int64(long v) {
            int32((int) (v >>> 32));
            int32((int) v);
        }
    }
}
