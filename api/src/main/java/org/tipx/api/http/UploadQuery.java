package org.tipx.api.http;

import io.helidon.common.uri.UriQuery;
import java.time.LocalDate;
import java.util.List;
import org.tipx.api.domain.Period;
import org.tipx.api.ingest.Declaration;

/**
 * The query string of {@code POST /v1/extracts}, checked parameter by parameter. Every refusal names its
 * parameter and quotes none of the client's values.
 *
 * @param period      the reporting quarter, already started
 * @param declaration whether the agency declares a quarter without cases ({@code no_cases=true})
 */
record UploadQuery(Period period, Declaration declaration) {

    static final String PERIOD = "period";
    static final String NO_CASES = "no_cases";
    private static final List<String> PARAMETERS = List.of(PERIOD, NO_CASES);

    /** @param today the server's date: a quarter that has not started yet has no cases to report */
    static UploadQuery parse(UriQuery query, LocalDate today) {
        QueryParameters.refuseUnknownOrRepeated(query, PARAMETERS);
        if (!query.contains(PERIOD) || query.get(PERIOD).isBlank()) {
            throw ProblemException.badRequest("Parameter period is required: the reporting quarter, e.g. "
                    + "period=2026-Q3.").about(PERIOD);
        }
        Period period;
        try {
            period = Period.parse(query.get(PERIOD).strip());
        } catch (IllegalArgumentException e) {
            // Period's own message quotes the value.
            throw ProblemException.badRequest("Parameter period must be a quarter written YYYY-Qn, e.g. 2026-Q3.")
                    .about(PERIOD);
        }
        if (period.firstDay().isAfter(today)) {
            throw ProblemException.badRequest("Period " + period + " has not started yet.").about(PERIOD);
        }
        Declaration declaration = switch (query.contains(NO_CASES) ? query.get(NO_CASES) : "false") {
            case "true" -> Declaration.NO_CASES;
            case "false" -> Declaration.RECORDS;
            default -> throw ProblemException.badRequest("Parameter no_cases must be true (the agency had no cases "
                    + "in the period and sends no record) or false.").about(NO_CASES);
        };
        return new UploadQuery(period, declaration);
    }
}
