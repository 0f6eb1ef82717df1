package org.tipx.api.format;

import java.util.Arrays;
import java.util.Optional;

/** The formats a protected table is published in, with their {@code format=} id and media type. */
public enum TableFormat {
    /** tipx's own JSON shape (docs/formats.md). */
    JSON("json", "application/json"),
    /** RFC 4180 CSV, UTF-8, CRLF line ends, a header row. */
    CSV("csv", "text/csv; charset=utf-8; header=present"),
    /** A JSON-stat 2.0 dataset; JSON-stat has no registered media type of its own. */
    JSONSTAT("jsonstat", "application/json");

    private final String id;
    private final String mediaType;

    TableFormat(String id, String mediaType) {
        this.id = id;
        this.mediaType = mediaType;
    }

    /** The value of the {@code format} query parameter. */
    public String id() {
        return id;
    }

    /** The {@code Content-Type} of an answer in this format. */
    public String mediaType() {
        return mediaType;
    }

    /** The format with this {@code format=} id. */
    public static Optional<TableFormat> byId(String id) {
        return Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst();
    }

    /** The writer of this format. */
    public TableWriter writer(Labels labels) {
        return switch (this) {
            case JSON -> new JsonTableWriter(labels);
            case CSV -> new CsvTableWriter(labels);
            case JSONSTAT -> new JsonStatTableWriter(labels);
        };
    }
}
