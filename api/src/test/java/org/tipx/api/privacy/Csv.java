package org.tipx.api.privacy;

import java.util.List;

import org.tipx.api.reference.ReferenceCsv;

/**
 * RFC 4180 text into rows of fields. tipx's CSV answers never hold a line break inside a field, so
 * each line is one row, split by the reference tables' own reader. Stateless.
 */
final class Csv {

    private Csv() {
    }

    static List<List<String>> parse(String text) {
        // Table answers start with a byte order mark, for spreadsheets; it is not part of the first column's name.
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return body.lines().filter(line -> !line.isEmpty()).map(ReferenceCsv::splitLine).toList();
    }
}
