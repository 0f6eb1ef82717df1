package org.tipx.anonymizer.cellkey;

/** The SDMX observation status (code list CL_OBS_STATUS) of a protected cell. */
public enum ObsStatus {
    /** {@code A}: normal value. */
    NORMAL("A"),
    /** {@code Q}: missing value, suppressed. */
    MISSING_SUPPRESSED("Q");

    private final String code;

    ObsStatus(String code) {
        this.code = code;
    }

    /** The SDMX code. */
    public String code() {
        return code;
    }
}
