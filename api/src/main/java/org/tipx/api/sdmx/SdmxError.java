package org.tipx.api.sdmx;

/**
 * The SDMX web service errors tipx answers, with their SDMX code and HTTP status as the SDMX RESTful
 * web services specification (v1.x, "Error handling and status information") maps them.
 */
public enum SdmxError {
    /** The query is valid but nothing matches it. */
    NO_RESULTS(100, 404, "No results found"),
    /** The answer would be larger than a table may be (tipx's most cells). */
    RESPONSE_TOO_LARGE(130, 413, "Response too large due to client request"),
    /** The URL or a parameter does not follow the SDMX RESTful interface, or names a code the codelist lacks. */
    SYNTAX_ERROR(140, 400, "Syntax error"),
    /** Valid, but a rule of tipx's refuses it (too many dimensions broken down, too sparse a table). */
    SEMANTIC_ERROR(150, 403, "Semantic error"),
    /** No representation the client accepts. SDMX has no code of its own for it: a service-specific one. */
    NOT_ACCEPTABLE(1406, 406, "Not acceptable"),
    /** Valid in SDMX, not offered by tipx. */
    NOT_IMPLEMENTED(501, 501, "Not implemented");

    private final int code;
    private final int httpStatus;
    private final String title;

    SdmxError(int code, int httpStatus, String title) {
        this.code = code;
        this.httpStatus = httpStatus;
        this.title = title;
    }

    /** The SDMX error code, as in an SDMX-ML {@code ErrorMessage}'s {@code code}. */
    public int code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String title() {
        return title;
    }
}
