package org.tipx.api.ingest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One code list of the extract contract.
 *
 * @param name   the list's name, which is the field it codes (e.g. {@code sex})
 * @param labels code → English label, in the list's order
 */
public record CodeList(String name, Map<String, String> labels) {
    public CodeList {
        Objects.requireNonNull(name, "name");
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("code list '" + name + "' is empty");
        }
        // A copy that keeps the published order, which Map.copyOf would not.
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }

    public boolean contains(String code) {
        return labels.containsKey(code);
    }

    /** The codes in the list's order. */
    public List<String> codes() {
        return List.copyOf(labels.keySet());
    }
}
