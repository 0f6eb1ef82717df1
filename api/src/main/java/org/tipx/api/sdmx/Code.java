package org.tipx.api.sdmx;

import java.util.Objects;

/**
 * One code of a codelist.
 *
 * @param id   the SDMX code, e.g. {@code F} or {@code Y0T8}
 * @param name its English name
 */
public record Code(String id, String name) {
    public Code {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
