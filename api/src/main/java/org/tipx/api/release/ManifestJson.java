package org.tipx.api.release;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.tipx.api.release.ReleaseManifest.CellKey;
import org.tipx.api.release.ReleaseManifest.CellKeyEffect;
import org.tipx.api.release.ReleaseManifest.Counts;
import org.tipx.api.release.ReleaseManifest.InputExtract;
import org.tipx.api.release.ReleaseManifest.Microdata;
import org.tipx.api.release.ReleaseManifest.QuasiIdentifier;

/**
 * The manifest's JSON form (the {@code ReleaseManifest} schema of spec/tipx-v1.yaml), written member by
 * member so that the stored text has a fixed member order and shares rounded to six decimals. Stateless;
 * thread-safe.
 */
public final class ManifestJson {

    private static final int DECIMALS = 6;
    private static final JsonWriterFactory PRETTY =
            Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

    private ManifestJson() {
    }

    /** The manifest as pretty-printed JSON. */
    public static String write(ReleaseManifest m) {
        JsonArrayBuilder extracts = Json.createArrayBuilder();
        for (InputExtract e : m.extracts()) {
            extracts.add(Json.createObjectBuilder()
                    .add("id", e.id())
                    .add("agency", e.agency())
                    .add("country", e.country())
                    .add("period", e.period())
                    .add("sha256", e.sha256())
                    .add("rows", e.rows()));
        }
        Microdata md = m.microdata();
        JsonArrayBuilder qis = Json.createArrayBuilder();
        for (QuasiIdentifier qi : md.quasiIdentifiers()) {
            qis.add(Json.createObjectBuilder()
                    .add("column", qi.column())
                    .add("level", qi.level())
                    .add("maxLevel", qi.maxLevel()));
        }
        CellKey ck = m.cellKey();
        JsonObjectBuilder cellKey = Json.createObjectBuilder()
                .add("maxPerturbation", ck.maxPerturbation())
                .add("variance", rounded(ck.variance()))
                .add("smallestPublishedNonZero", ck.smallestPublishedNonZero());
        ck.pStay().ifPresent(p -> cellKey.add("pStay", rounded(p)));
        CellKeyEffect effect = ck.effect();
        cellKey.add("threshold", ck.threshold())
                .add("effect", Json.createObjectBuilder()
                        .add("measure", effect.measure())
                        .add("tables", Json.createArrayBuilder(effect.tables()))
                        .add("cells", effect.cells())
                        .add("withheldCells", effect.withheldCells())
                        .add("changedShare", rounded(effect.changedShare()))
                        .add("meanAbsoluteChange", rounded(effect.meanAbsoluteChange())));
        JsonObject json = Json.createObjectBuilder()
                .add("id", m.id())
                .add("created", m.created().toString())
                .add("extracts", extracts)
                .add("counts", Json.createObjectBuilder()
                        .add("registrations", m.counts().registrations())
                        .add("victims", m.counts().victims())
                        .add("microdataRows", m.counts().microdataRows()))
                .add("microdata", Json.createObjectBuilder()
                        .add("representativeRule", md.representativeRule())
                        .add("k", md.k())
                        .add("quasiIdentifiers", qis)
                        .add("suppressionLimit", rounded(md.suppressionLimit()))
                        .add("suppressedRecords", md.suppressedRecords())
                        .add("suppressedShare", rounded(md.suppressedShare()))
                        .add("ctdcSuppressedShare", rounded(md.ctdcSuppressedShare()))
                        .add("classes", md.classes())
                        .add("smallestClass", md.smallestClass())
                        .add("loss", rounded(md.loss()))
                        .add("optimal", md.optimal()))
                .add("cellKey", cellKey)
                .build();
        StringWriter out = new StringWriter();
        try (JsonWriter writer = PRETTY.createWriter(out)) {
            writer.writeObject(json);
        }
        return out.toString().strip();
    }

    /**
     * Reads a manifest written by {@link #write}.
     *
     * @throws IllegalArgumentException if the text is not such a manifest
     */
    public static ReleaseManifest read(String text) {
        try {
            JsonObject o = Json.createReader(new StringReader(text)).readObject();
            List<InputExtract> extracts = o.getJsonArray("extracts").getValuesAs(JsonObject.class).stream()
                    .map(e -> new InputExtract(e.getString("id"), e.getString("agency"), e.getString("country"),
                            e.getString("period"), e.getString("sha256"), e.getJsonNumber("rows").longValueExact()))
                    .toList();
            JsonObject c = o.getJsonObject("counts");
            Counts counts = new Counts(longOf(c, "registrations"), longOf(c, "victims"), longOf(c, "microdataRows"));
            JsonObject md = o.getJsonObject("microdata");
            List<QuasiIdentifier> qis = md.getJsonArray("quasiIdentifiers").getValuesAs(JsonObject.class).stream()
                    .map(q -> new QuasiIdentifier(q.getString("column"), q.getInt("level"), q.getInt("maxLevel")))
                    .toList();
            Microdata microdata = new Microdata(md.getString("representativeRule"), md.getInt("k"), qis,
                    doubleOf(md, "suppressionLimit"), longOf(md, "suppressedRecords"), doubleOf(md, "suppressedShare"),
                    doubleOf(md, "ctdcSuppressedShare"), longOf(md, "classes"), longOf(md, "smallestClass"),
                    doubleOf(md, "loss"), md.getBoolean("optimal"));
            JsonObject ck = o.getJsonObject("cellKey");
            JsonObject e = ck.getJsonObject("effect");
            CellKeyEffect effect = new CellKeyEffect(e.getString("measure"),
                    e.getJsonArray("tables").getValuesAs(jakarta.json.JsonString.class).stream()
                            .map(jakarta.json.JsonString::getString).toList(),
                    longOf(e, "cells"), longOf(e, "withheldCells"), doubleOf(e, "changedShare"),
                    doubleOf(e, "meanAbsoluteChange"));
            OptionalDouble pStay = ck.containsKey("pStay") && ck.get("pStay").getValueType() == JsonValue.ValueType.NUMBER
                    ? OptionalDouble.of(doubleOf(ck, "pStay")) : OptionalDouble.empty();
            CellKey cellKey = new CellKey(ck.getInt("maxPerturbation"), doubleOf(ck, "variance"),
                    ck.getInt("smallestPublishedNonZero"), pStay, ck.getInt("threshold"), effect);
            return new ReleaseManifest(o.getString("id"), Instant.parse(o.getString("created")), extracts, counts,
                    microdata, cellKey);
        } catch (JsonException | ClassCastException | NullPointerException | ArithmeticException
                 | DateTimeParseException e) {
            throw new IllegalArgumentException("not a release manifest: " + e.getClass().getSimpleName(), e);
        }
    }

    private static long longOf(JsonObject o, String name) {
        return o.getJsonNumber(name).longValueExact();
    }

    private static double doubleOf(JsonObject o, String name) {
        JsonNumber number = o.getJsonNumber(name);
        return number.doubleValue();
    }

    private static BigDecimal rounded(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("a manifest figure must be finite, was " + value);
        }
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(DECIMALS, RoundingMode.HALF_EVEN).stripTrailingZeros();
        // 10 would otherwise print as 1E+1.
        return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
    }

    /** Joins manifests already in JSON form into {@code {"items": [...]}} without parsing them again. */
    public static String list(List<String> manifests) {
        return "{\"items\":[" + String.join(",", manifests) + "]}";
    }
}
