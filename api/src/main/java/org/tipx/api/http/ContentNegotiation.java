package org.tipx.api.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tipx.api.format.TableFormat;

/**
 * Picks a table format from an {@code Accept} header (RFC 9110 §12.5.1) when the request has no
 * {@code format} parameter. {@code text/csv} asks for CSV, {@code application/json} for tipx's JSON,
 * and {@code application/json-stat+json} for JSON-stat 2.0: JSON-stat has no IANA-registered media
 * type, so that name (which JSON-stat clients send) only selects the format, and the answer is
 * labelled {@code application/json} as the JSON-stat specification has it.
 */
final class ContentNegotiation {

    /** The media type that selects JSON-stat. */
    static final String JSON_STAT = "application/json-stat+json";

    private ContentNegotiation() {
    }

    /**
     * The best format: each one gets the quality of the most specific range matching it; the
     * highest non-zero quality wins, ties going to JSON, then CSV, then JSON-stat. No header means
     * JSON. Empty when nothing offered is acceptable (406).
     */
    static Optional<TableFormat> negotiate(Optional<String> accept) {
        if (accept.isEmpty() || accept.get().isBlank()) {
            return Optional.of(TableFormat.JSON);
        }
        List<Range> ranges = new ArrayList<>();
        for (String part : accept.get().split(",")) {
            Range.parse(part).ifPresent(ranges::add);
        }
        TableFormat best = null;
        double bestQuality = 0;
        for (TableFormat format : List.of(TableFormat.JSON, TableFormat.CSV, TableFormat.JSONSTAT)) {
            double quality = quality(mediaType(format), ranges);
            if (quality > bestQuality) {
                best = format;
                bestQuality = quality;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The media type that asks for a format. */
    static String mediaType(TableFormat format) {
        return switch (format) {
            case JSON -> "application/json";
            case CSV -> "text/csv";
            case JSONSTAT -> JSON_STAT;
        };
    }

    private static double quality(String mediaType, List<Range> ranges) {
        String[] typeAndSub = mediaType.split("/");
        int bestSpecificity = -1;
        double quality = 0;
        for (Range range : ranges) {
            int specificity = range.specificity(typeAndSub[0], typeAndSub[1]);
            if (specificity > bestSpecificity) {
                bestSpecificity = specificity;
                quality = range.quality();
            }
        }
        return quality;
    }

    /** One media range of an Accept header, with its weight. */
    private record Range(String type, String subtype, double quality) {

        static Optional<Range> parse(String text) {
            String[] pieces = text.trim().split(";");
            String[] typeAndSub = pieces[0].trim().toLowerCase(Locale.ROOT).split("/");
            if (typeAndSub.length != 2 || typeAndSub[0].isEmpty() || typeAndSub[1].isEmpty()) {
                return Optional.empty();
            }
            double q = 1;
            for (int i = 1; i < pieces.length; i++) {
                String parameter = pieces[i].trim();
                if (parameter.toLowerCase(Locale.ROOT).startsWith("q=")) {
                    try {
                        q = Double.parseDouble(parameter.substring(2).trim());
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            return Optional.of(new Range(typeAndSub[0], typeAndSub[1], Math.max(0, Math.min(1, q))));
        }

        /** -1 when the range does not match; else 0 for a wildcard, 1 for type/*, 2 for an exact match. */
        int specificity(String wantedType, String wantedSubtype) {
            if (type.equals("*") && subtype.equals("*")) {
                return 0;
            }
            if (!type.equals(wantedType)) {
                return -1;
            }
            if (subtype.equals("*")) {
                return 1;
            }
            return subtype.equals(wantedSubtype) ? 2 : -1;
        }
    }
}
