package org.tipx.api.sample;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

import org.tipx.api.domain.Period;

/**
 * One synthetic extract: what {@code agency} would upload for {@code period}.
 *
 * @param csv the extract as RFC 4180 CSV text (header row, {@code \r\n} line ends) per case-record-v1
 */
public record SampleExtract(SampleAgency agency, Period period, String csv) {

    public SampleExtract {
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(csv, "csv");
    }

    /** The CSV as UTF-8 bytes, as it would be uploaded. */
    public byte[] csvBytes() {
        return csv.getBytes(StandardCharsets.UTF_8);
    }

    /** The number of data rows (records). */
    public long rowCount() {
        return csv.lines().count() - 1;
    }
}
