package org.tipx.api.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The representations of a statistics table, chosen by the {@code format} parameter or, without
 * it, by {@code Accept} (RFC 9110 §12.5.1). JSON-stat has no IANA-registered media type; tipx
 * answers it as {@code application/json-stat+json}, the name JSON-stat clients send.
 */
public enum Representation {
    JSON("json", "application/json"),
    CSV("csv", "text/csv"),
    JSONSTAT("jsonstat", "application/json-stat+json");

    private final String format;
    private final String mediaType;

    Representation(String format, String mediaType) {
        this.format = format;
        this.mediaType = mediaType;
    }

    /** The value of the {@code format} parameter. */
    public String format() {
        return format;
    }

    /** The media type without parameters. */
    public String mediaType() {
        return mediaType;
    }

    /** The Content-Type sent: UTF-8 for every one of them, and RFC 4180's {@code header=present} for CSV. */
    public String contentType() {
        return this == CSV ? mediaType + "; charset=UTF-8; header=present" : mediaType + "; charset=UTF-8";
    }

    /** The representation named by a {@code format} value. */
    public static Optional<Representation> byFormat(String format) {
        for (Representation r : values()) {
            if (r.format.equals(format)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /**
     * The best representation for an {@code Accept} header: each one gets the quality of the most
     * specific range matching it; the highest non-zero quality wins, ties going to JSON, then CSV,
     * then JSON-stat. No header means JSON. Empty when nothing offered is acceptable (406).
     */
    public static Optional<Representation> negotiate(Optional<String> accept) {
        if (accept.isEmpty() || accept.get().isBlank()) {
            return Optional.of(JSON);
        }
        List<Range> ranges = new ArrayList<>();
        for (String part : accept.get().split(",")) {
            Range.parse(part).ifPresent(ranges::add);
        }
        Representation best = null;
        double bestQuality = 0;
        for (Representation r : values()) {
            double quality = quality(r, ranges);
            if (quality > bestQuality) {
                best = r;
                bestQuality = quality;
            }
        }
        return Optional.ofNullable(best);
    }

    private static double quality(Representation r, List<Range> ranges) {
        String[] typeAndSub = r.mediaType.split("/");
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
