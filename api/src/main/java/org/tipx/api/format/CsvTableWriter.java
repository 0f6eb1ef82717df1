package org.tipx.api.format;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.tipx.anonymizer.cellkey.ProtectedCell;
import org.tipx.api.domain.Dimension;
import org.tipx.api.reference.Countries;
import org.tipx.api.reference.Country;
import org.tipx.api.reference.ReferenceData;
import org.tipx.api.statistics.ProtectedTable;

/**
 * RFC 4180 CSV in UTF-8 with a byte order mark (without it Excel reads the bytes as the machine's
 * legacy code page and shows {@code TÃ¼rkiye}; pandas, R and readr skip it), CRLF after every record
 * (the header included), fields quoted only when they hold a comma, a double quote, CR or LF.
 *
 * <p>Columns: each {@code by} dimension's id (its codes), followed by {@code <id>_label} when labels
 * are requested; {@code OBS_VALUE} (empty when withheld), {@code OBS_STATUS} and {@code CONF_STATUS}
 * (SDMX codes); then what is the same in every row and says what the table counts:
 * {@value #MEASURE} (and {@code measure_label}), one column per dimension of the table's context
 * ({@link PublishedTable#context()}: each filter, and the period when the table is not broken down
 * by year) holding its code (and {@code <id>_label}), and {@value #RELEASE}. The varying columns come
 * first so that a table's cells sit in the same columns whatever it was filtered by.
 *
 * <p>Rows in the order of {@code /v1/dimensions}, without a total over {@code year}, so a year column
 * holds years only and reads as numbers ({@link PublishedCodes#publishedRows}).
 *
 * <p>Country dimensions hold ISO 3166-1 <em>alpha-3</em> codes here: the alpha-2 code of Namibia,
 * {@code NA}, is read as a missing value by the default settings of pandas, R's {@code read.csv} and
 * readr, quoted or not (measured; docs/formats.md). The contract's {@code XX} (unknown country) and
 * {@code XS} (stateless) become ICAO Doc 9303's {@value #UNKNOWN_COUNTRY_ALPHA3} and
 * {@value #STATELESS_ALPHA3}. Immutable and thread-safe.
 */
public final class CsvTableWriter implements TableWriter {

    static final String CRLF = "\r\n";
    /** The UTF-8 encoding of U+FEFF, the byte order mark. */
    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    static final String MEASURE = "measure";
    static final String RELEASE = "release";
    /** ICAO Doc 9303 part 3: person of unspecified nationality. */
    static final String UNKNOWN_COUNTRY_ALPHA3 = "XXX";
    /** ICAO Doc 9303 part 3: stateless person. */
    static final String STATELESS_ALPHA3 = "XXA";

    private final Labels labels;
    private final PublishedCodes codes;
    private final Map<String, String> alpha3;

    public CsvTableWriter(Labels labels) {
        this(labels, ReferenceData.load().countries());
    }

    public CsvTableWriter(Labels labels, Countries countries) {
        this.labels = Objects.requireNonNull(labels, "labels");
        this.codes = new PublishedCodes(labels);
        Map<String, String> byIso2 = new HashMap<>();
        for (Country country : countries.all()) {
            byIso2.put(country.iso2(), country.iso3());
        }
        byIso2.put(PublishedCodes.UNKNOWN_COUNTRY, UNKNOWN_COUNTRY_ALPHA3);
        byIso2.put(PublishedCodes.STATELESS, STATELESS_ALPHA3);
        this.alpha3 = Map.copyOf(byIso2);
    }

    @Override
    public TableFormat format() {
        return TableFormat.CSV;
    }

    @Override
    public void write(PublishedTable published, OutputStream out) throws IOException {
        List<Dimension> by = published.table().by();
        Grid.requireCodesPerRow(published.table());
        Map<Dimension, Set<String>> context = published.context();
        boolean withLabels = published.labels();
        out.write(BOM);
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        List<String> line = new ArrayList<>();
        for (Dimension dimension : by) {
            field(line, dimension.id());
            if (withLabels) {
                field(line, dimension.id() + "_label");
            }
        }
        field(line, "OBS_VALUE");
        field(line, "OBS_STATUS");
        field(line, "CONF_STATUS");
        field(line, MEASURE);
        if (withLabels) {
            field(line, MEASURE + "_label");
        }
        for (Dimension dimension : context.keySet()) {
            field(line, dimension.id());
            if (withLabels) {
                field(line, dimension.id() + "_label");
            }
        }
        field(line, RELEASE);
        end(writer, line);

        List<String> constant = new ArrayList<>();
        field(constant, published.measureId());
        if (withLabels) {
            field(constant, labels.label(published.table().measure()));
        }
        context.forEach((dimension, filter) -> {
            field(constant, String.join("+",
                    codes.sorted(dimension, filter).stream().map(code -> csvCode(dimension, code)).toList()));
            if (withLabels) {
                field(constant, codes.joinedLabel(labels, dimension, filter));
            }
        });
        field(constant, published.release().id());

        for (ProtectedTable.Row row : codes.publishedRows(published.table())) {
            for (int i = 0; i < by.size(); i++) {
                String code = row.codes().get(i);
                field(line, csvCode(by.get(i), code));
                if (withLabels) {
                    field(line, labels.label(by.get(i), code));
                }
            }
            ProtectedCell cell = row.cell();
            field(line, cell.value().isPresent() ? Long.toString(cell.value().getAsLong()) : "");
            field(line, cell.obsStatus().code());
            field(line, cell.confStatus().code());
            line.addAll(constant);
            end(writer, line);
        }
        writer.flush();
    }

    /** The code as this CSV writes it: alpha-3 for a country, else unchanged. */
    String csvCode(Dimension dimension, String code) {
        if (dimension == Dimension.CITIZENSHIP || dimension == Dimension.COUNTRY_OF_IDENTIFICATION
                || dimension == Dimension.COUNTRY_OF_EXPLOITATION) {
            return alpha3.getOrDefault(code, code);
        }
        return code;
    }

    private static void field(List<String> line, String value) {
        if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            line.add('"' + value.replace("\"", "\"\"") + '"');
        } else {
            line.add(value);
        }
    }

    private static void end(Writer writer, List<String> line) throws IOException {
        writer.append(String.join(",", line)).append(CRLF);
        line.clear();
    }
}
