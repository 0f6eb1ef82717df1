package org.tipx.api.statistics;

/**
 * A table query that a rule refuses. {@link #rule()} is a stable id for clients; the message says
 * which rule and why, and never quotes a true count.
 */
public final class QueryRuleException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Rule id: more than {@link TableQuery#MAX_RESTRICTED_DIMENSIONS} dimensions besides year and country of identification. */
    public static final String TOO_MANY_DIMENSIONS = "too-many-dimensions";
    /** Rule id: a dimension appears twice in {@code by}. */
    public static final String DUPLICATE_DIMENSION = "duplicate-dimension";
    /** Rule id: the table would have more cells than allowed. */
    public static final String TOO_MANY_CELLS = "too-many-cells";
    /** Rule id: too large a share of the table's inner cells would be withheld. */
    public static final String TOO_SPARSE = "too-sparse";

    private final String rule;
    private final String reason;

    public QueryRuleException(String rule, String message) {
        super(rule + ": " + message);
        this.rule = rule;
        this.reason = message;
    }

    /** Why the rule refused the query: the message without the rule id in front. */
    public String reason() {
        return reason;
    }

    /** The id of the rule that refused the query. */
    public String rule() {
        return rule;
    }
}
