package org.tipx.api.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * A deprecated route and its end of life: every answer carries {@code Deprecation} (RFC 9745, a
 * structured-field date {@code @<epoch seconds>}), {@code Sunset} (RFC 8594, an HTTP-date, never
 * before the deprecation) and {@code Link} to the successor with {@code rel="successor-version"}
 * (RFC 5829). After the sunset the route answers {@code 410 Gone} with the same headers.
 *
 * @param deprecated when the route was deprecated
 * @param sunset     when it stops answering
 * @param successor  the path that replaces it
 */
public record Sunsetting(Instant deprecated, Instant sunset, String successor) {

    /** The deprecation of {@code /v1/tables} in favour of {@code /v1/statistics}. */
    public static final Sunsetting TABLES = new Sunsetting(
            Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2027-06-30T00:00:00Z"), "/v1/statistics");

    // RFC_1123_DATE_TIME writes one-digit days, which IMF-fixdate does not allow.
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT);

    public Sunsetting {
        Objects.requireNonNull(deprecated, "deprecated");
        Objects.requireNonNull(sunset, "sunset");
        Objects.requireNonNull(successor, "successor");
        if (sunset.isBefore(deprecated)) {
            throw new IllegalArgumentException("RFC 9745: the sunset " + sunset + " must not precede the deprecation "
                    + deprecated);
        }
    }

    /** The {@code Deprecation} value: {@code @} and the epoch seconds. */
    public String deprecationHeader() {
        return "@" + deprecated.getEpochSecond();
    }

    /** The {@code Sunset} value, an IMF-fixdate (RFC 9110 §5.6.7: two-digit day, GMT). */
    public String sunsetHeader() {
        return HTTP_DATE.format(sunset.atOffset(ZoneOffset.UTC));
    }

    /** The {@code Link} value. */
    public String linkHeader() {
        return "<" + successor + ">; rel=\"successor-version\"";
    }

    /**
     * Adds the three headers to a response.
     *
     * @throws ProblemException {@code 410} once {@code now} is past the sunset
     */
    public void apply(ServerResponse response, Instant now) {
        response.header("Deprecation", deprecationHeader());
        response.header("Sunset", sunsetHeader());
        response.header(HeaderNames.LINK, linkHeader());
        if (!now.isBefore(sunset)) {
            throw ProblemException.of(Status.GONE_410, "gone", "Gone",
                    "This route was retired on " + sunsetHeader() + "; use " + successor + " instead.");
        }
    }
}
