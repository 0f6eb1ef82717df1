package org.tipx.api.sdmx;

import java.util.Objects;

/** A concept of {@code TIPX:CS_THB}: the meaning of a dimension or attribute. */
public record Concept(String id, String name) {
    public Concept {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
