package org.tipx.api.ingest;

import java.util.Locale;
import java.util.Optional;

/** The two wire formats of an extract (contract: "Accepted media types"). */
public enum ExtractFormat {
    /** RFC 4180, UTF-8, optional BOM, header row, comma separator. */
    CSV("text/csv"),
    /** One JSON object per line, same field names; multi-valued fields are arrays. */
    NDJSON("application/x-ndjson");

    private final String mediaType;

    ExtractFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    /** The media type without parameters, e.g. {@code text/csv}. */
    public String mediaType() {
        return mediaType;
    }

    /**
     * The format named by a {@code Content-Type} value. Case-insensitive; parameters are allowed, but a
     * {@code charset} other than UTF-8 (or its subset US-ASCII) is refused because extracts are UTF-8.
     */
    public static Optional<ExtractFormat> fromMediaType(String contentType) {
        String[] parts = contentType.split(";");
        String type = parts[0].trim().toLowerCase(Locale.ROOT);
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim().toLowerCase(Locale.ROOT);
            if (parameter.startsWith("charset=")) {
                String charset = unquote(parameter.substring("charset=".length()).trim());
                if (!charset.equals("utf-8") && !charset.equals("utf8") && !charset.equals("us-ascii")) {
                    return Optional.empty();
                }
            }
        }
        for (ExtractFormat format : values()) {
            if (format.mediaType.equals(type)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
    }
}
