package org.tipx.api.sdmx;

import java.util.List;
import java.util.Objects;

/**
 * The artefacts one structure message holds, in SDMX-ML's order.
 *
 * @param dataflow      whether {@code TIPX:DF_THB} is in it
 * @param dataStructure whether {@code TIPX:DSD_THB} is in it
 * @param conceptScheme whether {@code TIPX:CS_THB} is in it
 * @param codelists     the codelists in it
 * @param constraints   the content constraints in it
 */
public record Structures(boolean dataflow, boolean dataStructure, boolean conceptScheme, List<Codelist> codelists,
                         List<ContentConstraint> constraints) {
    public Structures {
        codelists = List.copyOf(codelists);
        constraints = List.copyOf(constraints);
    }

    /** True when the message would hold nothing. */
    public boolean isEmpty() {
        return !dataflow && !dataStructure && !conceptScheme && codelists.isEmpty() && constraints.isEmpty();
    }

    /** The dataflow with the artefacts it uses. */
    public static Structures all(ThbStructure structure) {
        Objects.requireNonNull(structure, "structure");
        return new Structures(true, true, true, structure.codelists(), List.of());
    }
}
