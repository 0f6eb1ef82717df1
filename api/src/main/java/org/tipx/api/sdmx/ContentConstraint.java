package org.tipx.api.sdmx;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An actual content constraint on the dataflow: per component, the codes that have data.
 *
 * @param ref        its identity
 * @param name       its English name
 * @param cubeRegion per component id (series dimensions, then {@code TIME_PERIOD}), the codes with data
 */
public record ContentConstraint(ArtefactRef ref, String name, Map<String, List<String>> cubeRegion) {
    public ContentConstraint {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(name, "name");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        cubeRegion.forEach((id, codes) -> copy.put(id, List.copyOf(codes)));
        cubeRegion = java.util.Collections.unmodifiableMap(copy);
    }
}
