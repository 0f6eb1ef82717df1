package org.tipx.api.ingest;

import java.io.IOException;
import java.io.Reader;

/**
 * Splits text into lines (ended by LF, CRLF or a lone CR, like {@link java.io.BufferedReader#readLine()}), but
 * keeps at most {@link #MAX_LINE_CHARS} of a line: a hostile upload of one endless line cannot fill the memory.
 * Not thread-safe.
 */
final class LineReader {

    /** Far beyond any case record written as JSON (a full record is under 2,000 characters). */
    static final int MAX_LINE_CHARS = 1 << 16;
    private static final int BUFFER_CHARS = 1 << 16;

    private final Reader in;
    private final char[] buffer = new char[BUFFER_CHARS];
    private final StringBuilder spill = new StringBuilder();
    private int pos;
    private int limit;
    private boolean tooLong;

    LineReader(Reader in) {
        this.in = in;
    }

    /** The next line without its terminator, or {@code null} at the end of the input. */
    String next() throws IOException {
        tooLong = false;
        spill.setLength(0);
        if (!available()) {
            return null;
        }
        while (true) {
            int start = pos;
            while (pos < limit) {
                char c = buffer[pos];
                if (c == '\n' || c == '\r') {
                    String line = spill.isEmpty() && pos - start <= MAX_LINE_CHARS
                            ? new String(buffer, start, pos - start)
                            : keepAndDrain(start);
                    pos++;
                    if (c == '\r' && available() && buffer[pos] == '\n') {
                        pos++;
                    }
                    return line;
                }
                pos++;
            }
            keep(start);
            if (!fill()) {
                return drain();
            }
        }
    }

    /** Whether the line last returned was cut at {@link #MAX_LINE_CHARS}. */
    boolean tooLong() {
        return tooLong;
    }

    private String keepAndDrain(int start) {
        keep(start);
        return drain();
    }

    private void keep(int start) {
        int room = MAX_LINE_CHARS - spill.length();
        int length = pos - start;
        if (length > room) {
            tooLong = true;
            length = Math.max(room, 0);
        }
        spill.append(buffer, start, length);
    }

    private String drain() {
        String line = spill.toString();
        spill.setLength(0);
        return line;
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
        return read > 0;
    }
}
