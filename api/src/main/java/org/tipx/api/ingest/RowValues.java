package org.tipx.api.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The raw cells of one row, by field, as a reader found them; reused from row to row, so it holds no state
 * beyond the current row. A {@code null} slot means "not in this row". Not thread-safe.
 */
final class RowValues {

    private static final List<String> NONE = List.of();

    private final String[] text = new String[Field.COUNT];
    private final List<?>[] lists = new List<?>[Field.COUNT];
    private final boolean[] reported = new boolean[Field.COUNT];

    void clear() {
        Arrays.fill(text, null);
        Arrays.fill(lists, null);
        Arrays.fill(reported, false);
    }

    void text(Field field, String value) {
        text[field.ordinal()] = value;
    }

    /** The items of a multi-valued field given as a JSON array. */
    void items(Field field, List<String> values) {
        lists[field.ordinal()] = values;
    }

    /** Marks a field whose problem the reader has already reported, so the validator does not add another. */
    void reported(Field field) {
        reported[field.ordinal()] = true;
    }

    boolean isReported(Field field) {
        return reported[field.ordinal()];
    }

    boolean anyReported() {
        for (boolean fieldReported : reported) {
            if (fieldReported) {
                return true;
            }
        }
        return false;
    }

    /** The cell's text with surrounding white space removed; {@code null} when absent or blank. */
    String trimmed(Field field) {
        String value = text[field.ordinal()];
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /**
     * The items of a multi-valued field: the JSON array's strings, or the CSV cell split on {@code ;}; each
     * stripped, empty items dropped.
     */
    List<String> items(Field field) {
        List<?> given = lists[field.ordinal()];
        if (given != null) {
            List<String> items = new ArrayList<>(given.size());
            for (Object item : given) {
                String stripped = ((String) item).strip();
                if (!stripped.isEmpty()) {
                    items.add(stripped);
                }
            }
            return items;
        }
        String cell = text[field.ordinal()];
        if (cell == null || cell.isBlank()) {
            return NONE;
        }
        if (cell.indexOf(';') < 0) {
            return List.of(cell.strip());
        }
        List<String> items = new ArrayList<>(4);
        int start = 0;
        while (start <= cell.length()) {
            int end = cell.indexOf(';', start);
            if (end < 0) {
                end = cell.length();
            }
            String item = cell.substring(start, end).strip();
            if (!item.isEmpty()) {
                items.add(item);
            }
            start = end + 1;
        }
        return items;
    }
}
