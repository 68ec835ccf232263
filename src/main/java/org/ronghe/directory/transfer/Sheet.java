package org.ronghe.directory.transfer;

import org.ronghe.platform.RowReader;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.ronghe.directory.DataScope;

/**
 * How one kind of directory record travels in a spreadsheet: its columns, how a row is read and
 * checked, how records are written (upsert by business key) and exported.
 *
 * @param <R> the record as one row holds it, with references as codes; equal rows mean an unchanged record
 */
interface Sheet<R> {

    /** The path segment, e.g. {@code members}. */
    String entity();

    /** The Chinese name, e.g. 党员. */
    String title();

    List<Column> columns();

    /** Reads one row; returns {@code null} when the row has errors (already recorded by the reader). */
    R read(RowReader row);

    /** The business key (code, or a pair of codes) an import upserts by. */
    String key(R row);

    /** Checks what a single row cannot: references to other records, duplicates within the file. */
    void check(List<Numbered<R>> rows, Checks checks);

    /** The records already stored under these keys, as rows. */
    Map<String, R> existing(Collection<String> keys);

    void insert(List<R> rows);

    void update(List<R> rows);

    /** The state written to the audit log (personal data masked). */
    Map<String, Object> auditState(R row);

    /** Streams the records the scope may see, as rows, in key order. */
    void export(DataScope scope, Consumer<R> sink);

    /** The cells of one row, in column order. */
    List<Object> cells(R row);

    /** A row read from the file, with its row number for error messages. */
    record Numbered<R>(int row, R value) {
    }
}
