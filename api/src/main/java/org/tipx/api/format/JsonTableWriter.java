package org.tipx.api.format;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;

import jakarta.json.stream.JsonGenerator;

import org.tipx.anonymizer.cellkey.ProtectedCell;
import org.tipx.api.domain.Dimension;
import org.tipx.api.statistics.ProtectedTable;

/**
 * tipx's own JSON shape (docs/formats.md): the release, the measure, the {@code by} dimensions and
 * filters, the notes (stated once for the dataset), the public protection parameters, and one
 * observation per row with its codes, optional labels, value ({@code null} when withheld),
 * {@code OBS_STATUS} and {@code CONF_STATUS}. Compact UTF-8, keys in a fixed order, rows in the
 * table's order. Immutable and thread-safe.
 */
public final class JsonTableWriter implements TableWriter {

    private final Labels labels;

    public JsonTableWriter(Labels labels) {
        this.labels = Objects.requireNonNull(labels, "labels");
    }

    @Override
    public TableFormat format() {
        return TableFormat.JSON;
    }

    @Override
    public void write(PublishedTable published, OutputStream out) throws IOException {
        ProtectedTable table = published.table();
        List<Dimension> by = table.by();
        Grid.requireCodesPerRow(published.table());
        try (JsonGenerator json = JsonParts.generator(out)) {
            json.writeStartObject();
            JsonParts.release(json, published.release());
            json.write("measure", published.measureId());
            if (published.labels()) {
                json.write("measure_label", labels.label(table.measure()));
            }
            json.writeStartArray("by");
            by.forEach(d -> json.write(d.id()));
            json.writeEnd();
            if (published.labels()) {
                json.writeStartObject("dimension_labels");
                by.forEach(d -> json.write(d.id(), labels.label(d)));
                json.writeEnd();
            }
            JsonParts.filters(json, table.query());
            json.writeStartArray("notes");
            published.notes().forEach(json::write);
            json.writeEnd();
            JsonParts.protection(json, published.release().protection());
            json.writeStartArray("observations");
            for (ProtectedTable.Row row : table.rows()) {
                json.writeStartObject();
                json.writeStartObject("codes");
                for (int i = 0; i < by.size(); i++) {
                    json.write(by.get(i).id(), row.codes().get(i));
                }
                json.writeEnd();
                if (published.labels()) {
                    json.writeStartObject("labels");
                    for (int i = 0; i < by.size(); i++) {
                        json.write(by.get(i).id(), labels.label(by.get(i), row.codes().get(i)));
                    }
                    json.writeEnd();
                }
                ProtectedCell cell = row.cell();
                if (cell.value().isPresent()) {
                    json.write("value", cell.value().getAsLong());
                } else {
                    json.writeNull("value");
                }
                json.write("OBS_STATUS", cell.obsStatus().code());
                json.write("CONF_STATUS", cell.confStatus().code());
                json.writeEnd();
            }
            json.writeEnd();
            json.writeEnd();
        }
    }
}
