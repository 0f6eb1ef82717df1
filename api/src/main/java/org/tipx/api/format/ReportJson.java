package org.tipx.api.format;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.tipx.anonymizer.AnonymizationReport;
import org.tipx.anonymizer.QualityMetric;

/**
 * The {@code REPORT.json} of {@code tipx anonymize}: what was asked and what the search found. Field names are
 * camelCase; {@code levels} keeps the order of the quasi-identifiers, {@code classSizeDistribution} maps a class
 * size (as a string, JSON keys being strings) to the number of classes of that size. Stateless; thread-safe.
 */
public final class ReportJson {

    private static final JsonWriterFactory PRETTY = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

    /** What the command was asked, for the record. */
    public record Parameters(long rows, int k, Optional<Integer> distinctL, Optional<Double> entropyL, Optional<String> sensitive,
                      double suppressionLimit, QualityMetric metric) {
    }

    private ReportJson() {
    }

    public static String write(AnonymizationReport report, Parameters parameters) {
        StringWriter text = new StringWriter();
        try (JsonWriter writer = PRETTY.createWriter(text)) {
            writer.writeObject(toJson(report, parameters));
        }
        return text.toString().strip() + "\n";
    }

    static JsonObject toJson(AnonymizationReport report, Parameters parameters) {
        JsonObjectBuilder levels = Json.createObjectBuilder();
        report.levels().forEach(levels::add);
        JsonObjectBuilder distribution = Json.createObjectBuilder();
        report.classSizeDistribution().forEach((size, count) -> distribution.add(Integer.toString(size), count));
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("levels", levels)
                .add("suppressed", report.suppressed())
                .add("classes", report.classes())
                .add("loss", report.loss())
                .add("score", report.score())
                .add("optimal", report.optimal())
                .add("rows", parameters.rows())
                .add("k", parameters.k());
        parameters.distinctL().ifPresent(l -> json.add("l", l));
        parameters.entropyL().ifPresent(l -> json.add("entropyL", l));
        parameters.sensitive().ifPresent(column -> json.add("sensitive", column));
        return json.add("suppressionLimit", parameters.suppressionLimit())
                .add("metric", parameters.metric().name().toLowerCase(Locale.ROOT))
                .add("classSizeDistribution", distribution)
                .add("maxRisk", report.maxRisk())
                .add("averageRisk", report.averageRisk())
                .add("nodesChecked", report.nodesChecked())
                .add("latticeSize", report.latticeSize())
                .add("elapsedMillis", report.elapsed().toMillis())
                .build();
    }
}
