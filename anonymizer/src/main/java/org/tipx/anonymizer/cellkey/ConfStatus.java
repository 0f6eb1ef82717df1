package org.tipx.anonymizer.cellkey;

/** The SDMX confidentiality status (code list CL_CONF_STATUS) of a protected cell. */
public enum ConfStatus {
    /** {@code F}: free, may be published. */
    FREE("F"),
    /** {@code A}: primary confidentiality, withheld because the count is small. */
    PRIMARY_CONFIDENTIAL("A");

    private final String code;

    ConfStatus(String code) {
        this.code = code;
    }

    /** The SDMX code. */
    public String code() {
        return code;
    }
}
