package org.tipx.api.format;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.tipx.anonymizer.cellkey.ProtectedCell;
import org.tipx.api.sdmx.SdmxDataSet;
import org.tipx.api.sdmx.ThbStructure;

/**
 * SDMX-CSV data, version 2.0.0 ({@code STRUCTURE,STRUCTURE_ID,ACTION,...}, action {@code I}) or 1.0.0
 * ({@code DATAFLOW,...}): one row per observation, the dimensions in the DSD's order with
 * {@code TIME_PERIOD} last, then {@code OBS_VALUE} (empty when withheld), {@code OBS_STATUS},
 * {@code CONF_STATUS}, {@code UNIT_MEASURE}, {@code UNIT_MULT} (data set attributes repeated on every row,
 * as SDMX-CSV does). Codes only ({@code labels=id}, {@code timeFormat=original}, the defaults). RFC 4180 as
 * {@link CsvTableWriter}: UTF-8, CRLF. Immutable and thread-safe.
 */
public final class SdmxCsvWriter {

    private final boolean version2;

    private SdmxCsvWriter(boolean version2) {
        this.version2 = version2;
    }

    public static SdmxCsvWriter version2() {
        return new SdmxCsvWriter(true);
    }

    public static SdmxCsvWriter version1() {
        return new SdmxCsvWriter(false);
    }

    public SdmxFormat format() {
        return version2 ? SdmxFormat.CSV_2 : SdmxFormat.CSV_1;
    }

    public byte[] bytes(SdmxDataSet dataSet) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(dataSet, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public void write(SdmxDataSet dataSet, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        boolean attributes = dataSet.query().detail().attributes();
        List<String> header = new ArrayList<>(version2 ? List.of("STRUCTURE", "STRUCTURE_ID", "ACTION") : List.of("DATAFLOW"));
        header.addAll(ThbStructure.KEY);
        header.add(ThbStructure.TIME_PERIOD);
        header.add(ThbStructure.OBS_VALUE);
        if (attributes) {
            header.addAll(List.of("OBS_STATUS", "CONF_STATUS", "UNIT_MEASURE", "UNIT_MULT"));
        }
        line(writer, header);
        String flow = ThbStructure.DATAFLOW.toString();
        for (SdmxDataSet.Series series : dataSet.series()) {
            for (SdmxDataSet.Observation obs : series.observations()) {
                List<String> row = new ArrayList<>(version2 ? List.of("dataflow", flow, "I") : List.of(flow));
                row.addAll(series.key());
                row.add(obs.timePeriod());
                ProtectedCell cell = obs.cell();
                row.add(cell.value().isPresent() ? Long.toString(cell.value().getAsLong()) : "");
                if (attributes) {
                    row.addAll(List.of(cell.obsStatus().code(), cell.confStatus().code(), ThbStructure.PERSONS,
                            ThbStructure.UNITS));
                }
                line(writer, row);
            }
        }
        writer.flush();
    }

    private static void line(Writer writer, List<String> fields) throws IOException {
        List<String> quoted = new ArrayList<>();
        for (String value : fields) {
            boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\r') >= 0
                    || value.indexOf('\n') >= 0;
            quoted.add(quote ? '"' + value.replace("\"", "\"\"") + '"' : value);
        }
        writer.append(String.join(",", quoted)).append(CsvTableWriter.CRLF);
    }
}
