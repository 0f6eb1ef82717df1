package org.tipx.api.format;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.tipx.anonymizer.cellkey.ProtectedCell;
import org.tipx.api.domain.Dimension;
import org.tipx.api.statistics.ProtectedTable;

/**
 * RFC 4180 CSV: UTF-8 without a byte order mark, CRLF after every record (the header included),
 * fields quoted only when they hold a comma, a double quote, CR or LF. Columns: each {@code by}
 * dimension's id (its codes), followed by {@code <id>_label} when labels are requested, then
 * {@code OBS_VALUE} (empty when withheld), {@code OBS_STATUS} and {@code CONF_STATUS} (SDMX codes).
 * One record per row of the table, in the table's order. Immutable and thread-safe.
 */
public final class CsvTableWriter implements TableWriter {

    static final String CRLF = "\r\n";

    private final Labels labels;

    public CsvTableWriter(Labels labels) {
        this.labels = Objects.requireNonNull(labels, "labels");
    }

    @Override
    public TableFormat format() {
        return TableFormat.CSV;
    }

    @Override
    public void write(PublishedTable published, OutputStream out) throws IOException {
        List<Dimension> by = published.table().by();
        Grid.requireCodesPerRow(published.table());
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        List<String> line = new ArrayList<>();
        for (Dimension dimension : by) {
            field(line, dimension.id());
            if (published.labels()) {
                field(line, dimension.id() + "_label");
            }
        }
        field(line, "OBS_VALUE");
        field(line, "OBS_STATUS");
        field(line, "CONF_STATUS");
        end(writer, line);
        for (ProtectedTable.Row row : published.table().rows()) {
            for (int i = 0; i < by.size(); i++) {
                String code = row.codes().get(i);
                field(line, code);
                if (published.labels()) {
                    field(line, labels.label(by.get(i), code));
                }
            }
            ProtectedCell cell = row.cell();
            field(line, cell.value().isPresent() ? Long.toString(cell.value().getAsLong()) : "");
            field(line, cell.obsStatus().code());
            field(line, cell.confStatus().code());
            end(writer, line);
        }
        writer.flush();
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
