package org.tipx.api.sdmx;

import java.util.List;
import java.util.Objects;

/** The concepts of the dataflow's components. */
public record ConceptScheme(ArtefactRef ref, String name, List<Concept> concepts) {
    public ConceptScheme {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(name, "name");
        concepts = List.copyOf(concepts);
    }
}
