package org.tipx.api.sdmx;

/**
 * Checks the references of a query against tipx's artefacts: a flowRef ({@code DF_THB},
 * {@code TIPX,DF_THB}, {@code TIPX,DF_THB,1.0}, with {@code all} and {@code latest} as wildcards) and a
 * providerRef (tipx is the only provider: {@code all}, {@code TIPX} or {@code TIPX,TIPX}).
 */
public final class FlowRef {

    private FlowRef() {
    }

    /**
     * Whether {@code flowRef} names {@code TIPX:DF_THB(1.0)}.
     *
     * @throws SdmxException {@link SdmxError#SYNTAX_ERROR} when it has more than three parts or an empty one
     */
    public static boolean namesThb(String flowRef) {
        String[] parts = flowRef.split(",", -1);
        if (parts.length > 3 || java.util.Arrays.stream(parts).anyMatch(String::isEmpty)) {
            throw new SdmxException(SdmxError.SYNTAX_ERROR,
                    "The flowRef is AGENCY_ID,FLOW_ID,VERSION, AGENCY_ID,FLOW_ID or FLOW_ID.");
        }
        String agency = parts.length == 1 ? "all" : parts[0];
        String id = parts.length == 1 ? parts[0] : parts[1];
        String version = parts.length == 3 ? parts[2] : "latest";
        ArtefactRef flow = ThbStructure.DATAFLOW;
        return matches(agency, flow.agencyId()) && id.equals(flow.id()) && matchesVersion(version, flow.version());
    }

    /** Whether {@code providerRef} (absent: any) takes in tipx's data. */
    public static boolean namesTipx(String providerRef) {
        for (String provider : providerRef.split("\\+", -1)) {
            String[] parts = provider.split(",", -1);
            if (parts.length > 2 || java.util.Arrays.stream(parts).anyMatch(String::isEmpty)) {
                throw new SdmxException(SdmxError.SYNTAX_ERROR, "The providerRef is AGENCY_ID,PROVIDER_ID or PROVIDER_ID.");
            }
            String agency = parts.length == 2 ? parts[0] : "all";
            String id = parts[parts.length - 1];
            if (matches(agency, ThbStructure.AGENCY) && matches(id, ThbStructure.AGENCY)) {
                return true;
            }
        }
        return false;
    }

    /** {@code all} or the id itself. */
    static boolean matches(String asked, String actual) {
        return asked.equals("all") || asked.equals(actual);
    }

    /** {@code all}, {@code latest} or the version itself (tipx keeps one version of each artefact). */
    static boolean matchesVersion(String asked, String actual) {
        return asked.equals("all") || asked.equals("latest") || asked.equals(actual);
    }
}
