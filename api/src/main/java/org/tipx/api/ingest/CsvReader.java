package org.tipx.api.ingest;

import java.io.IOException;
import java.io.Reader;
import java.util.List;

/**
 * A small RFC 4180 reader: comma separator, fields optionally enclosed in double quotes, {@code ""} for a quote
 * inside a quoted field, records ended by CRLF, LF or a lone CR, line breaks allowed inside quotes. Empty lines
 * are records of one empty cell; a leading byte order mark is skipped. It scans its own buffer and builds each cell
 * with one copy, because the upload path must sustain several hundred thousand rows per second.
 *
 * <p>A stray quote inside an unquoted cell, or text after a closing quote, keeps the text (so the row can still
 * be reported against) and sets {@link #malformed()}. A quote left open at the end of the input cannot be
 * recovered from: {@link UnterminatedQuoteException}. Not thread-safe: one reader per stream.
 */
final class CsvReader {

    private static final int BUFFER_CHARS = 1 << 16;
    /** No cell of a case record comes near this; a cell within one buffer is never longer. */
    static final int MAX_CELL_CHARS = BUFFER_CHARS;
    /** Cells kept per record (the contract has 22 fields); more would let commas alone fill the memory. */
    static final int MAX_CELLS = 1024;
    private static final char BYTE_ORDER_MARK = '\uFEFF';
    /** Cells up to this length are looked up among recent cells before a new String is made. */
    private static final int MAX_CACHED_CHARS = 24;
    private static final int CACHE_SLOTS = 1 << 10;

    private final Reader in;
    private final char[] buffer = new char[BUFFER_CHARS];
    private final StringBuilder spill = new StringBuilder();
    private final String[] recentCells = new String[CACHE_SLOTS];
    private int pos;
    private int limit;
    private boolean malformed;
    private boolean oversized;
    private boolean started;

    CsvReader(Reader in) {
        this.in = in;
    }

    /**
     * Reads the next record's cells into {@code cells} (cleared first); false at the end of the input. An empty
     * line is a record of one empty cell, so callers can keep counting rows as a spreadsheet does.
     */
    boolean next(List<String> cells) throws IOException {
        cells.clear();
        malformed = false;
        oversized = false;
        if (!available()) {
            return false;
        }
        readRecord(cells);
        return true;
    }

    /** Whether the record last read broke the quoting rules (a stray quote, or text after a closing quote). */
    boolean malformed() {
        return malformed;
    }

    /**
     * Whether the record last read had a cell longer than {@link #MAX_CELL_CHARS} or more than {@link #MAX_CELLS}
     * cells; the excess was dropped, so that a hostile upload (one endless cell, a quote never closed, a line of
     * commas) cannot fill the memory.
     */
    boolean oversized() {
        return oversized;
    }

    private void readRecord(List<String> cells) throws IOException {
        while (true) {
            String cell = available() && buffer[pos] == '"' ? quotedCell() : plainCell();
            if (cells.size() < MAX_CELLS) {
                cells.add(cell);
            } else {
                oversized = true;
            }
            if (!available()) {
                return;
            }
            char separator = buffer[pos++];
            if (separator == '\r') {
                if (available() && buffer[pos] == '\n') {
                    pos++;
                }
                return;
            }
            if (separator == '\n') {
                return;
            }
        }
    }

    /** An unquoted cell; stops before its separator. */
    private String plainCell() throws IOException {
        int start = pos;
        while (true) {
            while (pos < limit) {
                char c = buffer[pos];
                if (c == ',' || c == '\n' || c == '\r') {
                    return take(start);
                }
                if (c == '"') {
                    malformed = true;
                }
                pos++;
            }
            keep(start);
            if (!fill()) {
                return drainSpill();
            }
            start = pos;
        }
    }

    /** A quoted cell, from its opening quote; stops before the separator that follows the closing quote. */
    private String quotedCell() throws IOException {
        pos++;
        int start = pos;
        while (true) {
            while (pos < limit) {
                if (buffer[pos] != '"') {
                    pos++;
                    continue;
                }
                keep(start);
                pos++;
                if (available() && buffer[pos] == '"') {
                    keepQuote();
                    pos++;
                    start = pos;
                    continue;
                }
                String cell = drainSpill();
                skipToSeparator();
                return cell;
            }
            keep(start);
            if (!fill()) {
                spill.setLength(0);
                throw new UnterminatedQuoteException();
            }
            start = pos;
        }
    }

    private void skipToSeparator() throws IOException {
        while (available()) {
            char c = buffer[pos];
            if (c == ',' || c == '\n' || c == '\r') {
                return;
            }
            malformed = true;
            pos++;
        }
    }

    private String take(int start) {
        if (spill.isEmpty()) {
            return start == pos ? "" : cell(start, pos - start);
        }
        keep(start);
        return drainSpill();
    }

    /**
     * The cell's text, reusing the String made for the same short text lately. Extracts repeat the same codes,
     * dates and countries on every row; handing out one instance saves the allocation, and the instance's cached
     * hash code speeds up the code-list lookups that follow.
     */
    private String cell(int start, int length) {
        if (length > MAX_CACHED_CHARS) {
            return new String(buffer, start, length);
        }
        int hash = 0;
        for (int i = start; i < start + length; i++) {
            hash = 31 * hash + buffer[i];
        }
        int slot = (hash ^ (hash >>> 16)) & (CACHE_SLOTS - 1);
        String cached = recentCells[slot];
        if (cached != null && sameText(cached, start, length)) {
            return cached;
        }
        String cell = new String(buffer, start, length);
        recentCells[slot] = cell;
        return cell;
    }

    private boolean sameText(String text, int start, int length) {
        if (text.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (text.charAt(i) != buffer[start + i]) {
                return false;
            }
        }
        return true;
    }

    /** Keeps buffer[start, pos) of a cell that crosses buffers, up to the cap; the rest is counted out. */
    private void keep(int start) {
        int room = MAX_CELL_CHARS - spill.length();
        int length = pos - start;
        if (length > room) {
            oversized = true;
            length = Math.max(room, 0);
        }
        spill.append(buffer, start, length);
    }

    private void keepQuote() {
        if (spill.length() < MAX_CELL_CHARS) {
            spill.append('"');
        } else {
            oversized = true;
        }
    }

    private String drainSpill() {
        String cell = spill.toString();
        spill.setLength(0);
        return cell;
    }

    private boolean available() throws IOException {
        return pos < limit || fill();
    }

    private boolean fill() throws IOException {
        int read;
        do {
            read = in.read(buffer, 0, buffer.length);
        } while (read == 0);
        pos = 0;
        limit = Math.max(read, 0);
        if (!started && read > 0) {
            started = true;
            // A UTF-8 byte order mark decodes to U+FEFF; it is not part of the first cell.
            if (buffer[0] == BYTE_ORDER_MARK) {
                pos = 1;
                return read > 1 || fill();
            }
        }
        return read > 0;
    }

    /** A quoted cell still open at the end of the input. */
    static final class UnterminatedQuoteException extends RuntimeException {
        UnterminatedQuoteException() {
            super("a quoted cell is not closed before the end of the input");
        }
    }
}
