package org.tipx.api.sdmx;

import java.util.Objects;

/**
 * The identity of a maintainable SDMX artefact: maintenance agency, id and version, as in
 * {@code TIPX:DSD_THB(1.0)}.
 */
public record ArtefactRef(String agencyId, String id, String version) {

    public ArtefactRef {
        Objects.requireNonNull(agencyId, "agencyId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
    }

    /** The SDMX URN of this artefact, e.g. {@code urn:sdmx:org.sdmx.infomodel.codelist.Codelist=SDMX:CL_FREQ(2.1)}. */
    public String urn(String packageAndClass) {
        return "urn:sdmx:org.sdmx.infomodel." + packageAndClass + "=" + this;
    }

    @Override
    public String toString() {
        return agencyId + ":" + id + "(" + version + ")";
    }
}
