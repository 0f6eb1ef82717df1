package org.tipx.api.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * The problems of one extract: all are counted, the first {@link IngestOutcome#MAX_REPORTED_PROBLEMS} are
 * kept. Not thread-safe: one per extract being read.
 */
final class Problems {

    private static final int MAX_QUOTED_CHARS = 40;

    private final List<ValidationProblem> kept = new ArrayList<>();
    private long count;

    void add(long row, Field field, String code, String message) {
        add(row, field.wireName(), code, message);
    }

    void add(long row, String field, String code, String message) {
        count++;
        if (kept.size() < IngestOutcome.MAX_REPORTED_PROBLEMS) {
            kept.add(new ValidationProblem(row, field, code, message));
        }
    }

    long count() {
        return count;
    }

    boolean any() {
        return count > 0;
    }

    List<ValidationProblem> kept() {
        return kept;
    }

    boolean truncated() {
        return count > kept.size();
    }

    /**
     * A value as a message may quote it: in single quotes, cut to 40 characters, control characters replaced so
     * a message cannot forge lines in a log or a terminal. Never call this with a direct identifier.
     */
    static String quote(String value) {
        int cut = value.codePointCount(0, value.length()) > MAX_QUOTED_CHARS
                ? value.offsetByCodePoints(0, MAX_QUOTED_CHARS)
                : value.length();
        StringBuilder quoted = new StringBuilder(cut + 3).append('\'');
        for (int i = 0; i < cut; i++) {
            char c = value.charAt(i);
            quoted.append(Character.isISOControl(c) ? '\uFFFD' : c);
        }
        if (cut < value.length()) {
            quoted.append('\u2026');
        }
        return quoted.append('\'').toString();
    }
}
