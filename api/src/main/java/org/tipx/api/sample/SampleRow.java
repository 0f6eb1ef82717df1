package org.tipx.api.sample;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One generated extract row: field name → value, where a value is a {@code String} (text, code or
 * ISO date), an {@code Integer} ({@code age}, {@code registration_year}) or a non-empty
 * {@code List<String>} (multi-valued codes). A field not recorded is absent.
 */
record SampleRow(Map<String, Object> values) {

    SampleRow {
        for (Map.Entry<String, Object> e : values.entrySet()) {
            if (!ExtractEncoding.COLUMNS.contains(e.getKey())) {
                throw new IllegalArgumentException("not a case-record-v1 field: " + e.getKey());
            }
            Object v = e.getValue();
            boolean valid = (v instanceof String s && !s.isEmpty()) || v instanceof Integer
                    || (v instanceof List<?> list && !list.isEmpty());
            if (!valid) {
                throw new IllegalArgumentException("empty or unsupported value for field " + e.getKey());
            }
        }
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
