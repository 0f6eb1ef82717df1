package org.tipx.api.sdmx;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A codelist as tipx serves it.
 *
 * @param ref     its identity; agency {@code SDMX} for the cross-domain lists, {@code TIPX} for ours
 * @param name    its English name
 * @param partial true where tipx serves only the codes it uses of a list someone else maintains
 *                (SDMX's {@code isPartial})
 * @param codes   the codes, in publication order
 */
public record Codelist(ArtefactRef ref, String name, boolean partial, List<Code> codes) {

    public Codelist {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(name, "name");
        codes = List.copyOf(codes);
    }

    /** The code with this id, if listed. */
    public Optional<Code> code(String id) {
        return codes.stream().filter(code -> code.id().equals(id)).findFirst();
    }
}
