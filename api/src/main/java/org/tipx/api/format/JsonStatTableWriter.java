package org.tipx.api.format;

import java.io.IOException;
import java.io.OutputStream;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.json.stream.JsonGenerator;

import org.tipx.anonymizer.cellkey.ConfStatus;
import org.tipx.anonymizer.cellkey.ObsStatus;
import org.tipx.anonymizer.cellkey.ProtectedCell;
import org.tipx.api.domain.Dimension;

/**
 * A JSON-stat 2.0 dataset (https://json-stat.org/full/).
 *
 * <ul>
 *   <li>{@code id}: {@value #METRIC_ID} first, a one-category dimension with role {@code metric}
 *       naming what is counted (and its unit); then the context of the table
 *       ({@link PublishedTable#context()}: each filtered dimension and the period, as dimensions of
 *       size one, as Eurostat publishes fixed dimensions); then the {@code by} dimensions. A table
 *       without {@code by} is thus still a cube of one cell.</li>
 *   <li>{@code role}: {@code time} for {@code year}, {@code geo} for the country dimensions
 *       ({@code citizenship}, {@code country_of_identification}, {@code country_of_exploitation}),
 *       {@code metric} for {@value #METRIC_ID}; a role whose dimensions are absent is left out.</li>
 *   <li>{@code category.index}: the codes as an array in the order of {@code /v1/dimensions}
 *       ({@link PublishedCodes}), the total {@code _T} last; {@code year} holds years only (no
 *       total); {@code category.label} and the dimension and dataset labels only when labels are
 *       requested.</li>
 *   <li>{@code value}: the published counts in row-major order of {@code id}, {@code null} where
 *       withheld; {@code status}: an array of the same length with each cell's SDMX OBS_STATUS
 *       ({@code A} or {@code Q}).</li>
 *   <li>{@code updated}: the release's creation instant to the millisecond (the spec's date form,
 *       which readers parse with at most three fractional digits); {@code source}; {@code note}: the
 *       notes stated once for the dataset (values are perturbed, …).</li>
 *   <li>{@code extension}: {@code status.label} the labels of the OBS_STATUS codes, where Eurostat
 *       puts them and its tools read them (jsonstat-euro's {@code getStatusLabel}); and what
 *       JSON-stat has no place for: the release, the measure, the filters, the public protection
 *       parameters, {@code conf_status} (each cell's SDMX CONF_STATUS, in the order of
 *       {@code value}) and its labels.</li>
 * </ul>
 * Compact UTF-8 with keys in a fixed order. Immutable and thread-safe.
 */
public final class JsonStatTableWriter implements TableWriter {

    /** The id of the metric dimension that names the measure. */
    public static final String METRIC_ID = "measure";
    /** The {@code source} of every dataset. */
    public static final String SOURCE = "tipx: anonymised statistics on trafficking in persons";

    private final Labels labels;
    private final PublishedCodes codes;

    public JsonStatTableWriter(Labels labels) {
        this.labels = Objects.requireNonNull(labels, "labels");
        this.codes = new PublishedCodes(labels);
    }

    @Override
    public TableFormat format() {
        return TableFormat.JSONSTAT;
    }

    @Override
    public void write(PublishedTable published, OutputStream out) throws IOException {
        List<Dimension> by = published.table().by();
        Grid grid = Grid.of(by, codes.publishedRows(published.table()));
        Map<Dimension, Set<String>> context = published.context();
        List<Dimension> dimensions = new ArrayList<>(context.keySet());
        dimensions.addAll(by);
        boolean withLabels = published.labels();
        try (JsonGenerator json = JsonParts.generator(out)) {
            json.writeStartObject();
            json.write("version", "2.0");
            json.write("class", "dataset");
            if (withLabels) {
                json.write("label", labels.tableTitle(published.table().measure(), by));
            }
            json.write("source", SOURCE);
            json.write("updated", published.release().created().truncatedTo(ChronoUnit.MILLIS).toString());
            json.writeStartArray("note");
            published.notes().forEach(json::write);
            json.writeEnd();

            json.writeStartArray("id");
            json.write(METRIC_ID);
            dimensions.forEach(d -> json.write(d.id()));
            json.writeEnd();
            json.writeStartArray("size");
            json.write(1);
            context.keySet().forEach(d -> json.write(1));
            for (int d = 0; d < by.size(); d++) {
                json.write(grid.categories(d).size());
            }
            json.writeEnd();
            role(json, dimensions);

            json.writeStartObject("dimension");
            metricDimension(json, published);
            for (Map.Entry<Dimension, Set<String>> fixed : context.entrySet()) {
                Dimension dimension = fixed.getKey();
                String code = codes.joinedCode(dimension, fixed.getValue());
                dimension(json, dimension, List.of(code), withLabels
                        ? Map.of(code, codes.joinedLabel(labels, dimension, fixed.getValue())) : Map.of());
            }
            for (int d = 0; d < by.size(); d++) {
                Dimension dimension = by.get(d);
                Map<String, String> categoryLabels = new java.util.HashMap<>();
                if (withLabels) {
                    grid.categories(d).forEach(code -> categoryLabels.put(code, labels.label(dimension, code)));
                }
                dimension(json, dimension, grid.categories(d), categoryLabels);
            }
            json.writeEnd();

            List<ProtectedCell> cells = grid.cells();
            json.writeStartArray("value");
            for (ProtectedCell cell : cells) {
                if (cell.value().isPresent()) {
                    json.write(cell.value().getAsLong());
                } else {
                    json.writeNull();
                }
            }
            json.writeEnd();
            json.writeStartArray("status");
            cells.forEach(cell -> json.write(cell.obsStatus().code()));
            json.writeEnd();

            json.writeStartObject("extension");
            json.writeStartObject("status").writeStartObject("label");
            for (ObsStatus status : ObsStatus.values()) {
                json.write(status.code(), labels.label(status));
            }
            json.writeEnd().writeEnd();
            JsonParts.release(json, published.release());
            json.write("measure", published.measureId());
            json.writeStartArray("by");
            by.forEach(d -> json.write(d.id()));
            json.writeEnd();
            JsonParts.filters(json, published.table().query());
            JsonParts.protection(json, published.release().protection());
            json.writeStartArray("conf_status");
            cells.forEach(cell -> json.write(cell.confStatus().code()));
            json.writeEnd();
            json.writeStartObject("conf_status_labels");
            for (ConfStatus status : ConfStatus.values()) {
                json.write(status.code(), labels.label(status));
            }
            json.writeEnd();
            json.writeEnd();

            json.writeEnd();
        }
    }

    /** One dimension: its label (when labels are asked for), its categories in order and their labels. */
    private void dimension(JsonGenerator json, Dimension dimension, List<String> categories,
                           Map<String, String> categoryLabels) {
        json.writeStartObject(dimension.id());
        if (!categoryLabels.isEmpty()) {
            json.write("label", labels.label(dimension));
        }
        json.writeStartObject("category");
        json.writeStartArray("index");
        categories.forEach(json::write);
        json.writeEnd();
        if (!categoryLabels.isEmpty()) {
            json.writeStartObject("label");
            categories.forEach(code -> json.write(code, categoryLabels.get(code)));
            json.writeEnd();
        }
        json.writeEnd();
        json.writeEnd();
    }

    private static void role(JsonGenerator json, List<Dimension> dimensions) {
        json.writeStartObject("role");
        if (dimensions.contains(Dimension.YEAR)) {
            json.writeStartArray("time").write(Dimension.YEAR.id()).writeEnd();
        }
        List<Dimension> geo = dimensions.stream().filter(JsonStatTableWriter::geographic).toList();
        if (!geo.isEmpty()) {
            json.writeStartArray("geo");
            geo.forEach(d -> json.write(d.id()));
            json.writeEnd();
        }
        json.writeStartArray("metric").write(METRIC_ID).writeEnd();
        json.writeEnd();
    }

    private static boolean geographic(Dimension dimension) {
        return switch (dimension) {
            case CITIZENSHIP, COUNTRY_OF_IDENTIFICATION, COUNTRY_OF_EXPLOITATION -> true;
            case YEAR, SEX, AGE_BAND, MINOR_AT_EXPLOITATION, EXPLOITATION, IDENTIFIED_BY, STATUS, ASSISTANCE -> false;
        };
    }

    private void metricDimension(JsonGenerator json, PublishedTable published) {
        String measure = published.measureId();
        json.writeStartObject(METRIC_ID);
        if (published.labels()) {
            json.write("label", labels.measureDimension());
        }
        json.writeStartObject("category");
        json.writeStartArray("index").write(measure).writeEnd();
        if (published.labels()) {
            json.writeStartObject("label").write(measure, labels.label(published.table().measure())).writeEnd();
        }
        json.writeStartObject("unit").writeStartObject(measure).write("decimals", 0);
        if (published.labels()) {
            json.write("label", labels.unit(published.table().measure()));
        }
        json.writeEnd().writeEnd();
        json.writeEnd();
        json.writeEnd();
    }
}
