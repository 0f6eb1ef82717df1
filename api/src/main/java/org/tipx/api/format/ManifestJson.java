package org.tipx.api.format;

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
import java.util.Optional;
import java.util.OptionalDouble;
import org.tipx.anonymizer.cellkey.ProtectedCell;
import org.tipx.api.release.ReleaseManifest;
import org.tipx.api.release.ReleaseManifest.CellKey;
import org.tipx.api.release.ReleaseManifest.CellKeyEffect;
import org.tipx.api.release.ReleaseManifest.Counts;
import org.tipx.api.release.ReleaseManifest.InputExtract;
import org.tipx.api.release.ReleaseManifest.Microdata;
import org.tipx.api.release.ReleaseManifest.ProtectedCounts;
import org.tipx.api.release.ReleaseManifest.QuasiIdentifier;
import org.tipx.api.release.ReleaseReader;

/**
 * The manifest's JSON form (the {@code ReleaseManifest} schema of spec/tipx-v1.yaml), written member by
 * member so that the stored text has a fixed member order and shares rounded to six decimals; and the
 * views of it that readers other than the administrator get ({@link #view}). Stateless; thread-safe.
 *
 * <h2>Views</h2>
 * The stored manifest is the administrator's. Everyone else reads a view written from an allow-list of
 * members, so a member added to the stored manifest later stays private until it is added here:
 * <ul>
 *   <li><b>public</b>: no {@code counts} (exact totals would undo the perturbation of every total of the
 *       public statistics), {@code protectedCounts} instead; extracts without {@code rows} (exact counts
 *       per agency and quarter, some of them tiny) and {@code sha256} (a hash of the uploaded file, which
 *       anyone holding a candidate file could confirm); microdata without {@code suppressedRecords},
 *       {@code classes}, {@code smallestClass} (exact counts of persons), {@code suppressedShare} and
 *       {@code loss} rounded to {@value #PUBLIC_DECIMALS} decimals (see {@link #PUBLIC_DECIMALS});</li>
 *   <li><b>an agency's</b>: the public view plus {@code rows} and {@code sha256} of the agency's own
 *       extracts, which it uploaded and knows;</li>
 *   <li><b>the administrator's</b>: the stored manifest, byte for byte.</li>
 * </ul>
 */
public final class ManifestJson {

    private static final int DECIMALS = 6;
    /**
     * Decimals of the shares that the public view keeps. Six would give away the exact number of persons:
     * with all columns as recorded the loss is exactly suppressed / persons, and a six-decimal fraction with
     * a denominator near the protected total has one solution. Three are not enough on a small release
     * either: 2 suppressed of 40 is 0.050, and no other count within the perturbation of 40 gives 0.050
     * with 1 to 3 suppressed. At two decimals every share fits several counts in that range, and it still
     * says what a reader wants to know (5 % against CTDC's 41 %).
     */
    static final int PUBLIC_DECIMALS = 2;
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
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", m.id())
                .add("created", m.created().toString())
                .add("extracts", extracts)
                .add("counts", Json.createObjectBuilder()
                        .add("registrations", m.counts().registrations())
                        .add("victims", m.counts().victims())
                        .add("microdataRows", m.counts().microdataRows()));
        m.protectedCounts().ifPresent(p -> json.add("protectedCounts", protectedCounts(p)));
        json.add("microdata", Json.createObjectBuilder()
                        .add("representativeRule", md.representativeRule())
                        .add("k", md.k())
                        .add("quasiIdentifiers", quasiIdentifiers(md))
                        .add("suppressionLimit", rounded(md.suppressionLimit()))
                        .add("suppressedRecords", md.suppressedRecords())
                        .add("suppressedShare", rounded(md.suppressedShare()))
                        .add("ctdcSuppressedShare", rounded(md.ctdcSuppressedShare()))
                        .add("classes", md.classes())
                        .add("smallestClass", md.smallestClass())
                        .add("loss", rounded(md.loss()))
                        .add("optimal", md.optimal()))
                .add("cellKey", cellKey(m.cellKey()));
        return pretty(json.build());
    }

    /**
     * What {@code reader} may read of a stored manifest: the stored text itself for the administrator, else
     * the public view (with the agency's own extracts in full for an agency), written from an allow-list.
     *
     * @throws IllegalArgumentException if {@code stored} is not a manifest
     */
    public static String view(String stored, ReleaseReader reader) {
        if (reader.role() == ReleaseReader.Role.ADMIN) {
            return stored;
        }
        ReleaseManifest m = read(stored);
        JsonArrayBuilder extracts = Json.createArrayBuilder();
        for (InputExtract e : m.extracts()) {
            JsonObjectBuilder extract = Json.createObjectBuilder()
                    .add("id", e.id())
                    .add("agency", e.agency())
                    .add("country", e.country())
                    .add("period", e.period());
            if (reader.agencyId().filter(e.agency()::equals).isPresent()) {
                extract.add("sha256", e.sha256()).add("rows", e.rows());
            }
            extracts.add(extract);
        }
        Microdata md = m.microdata();
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", m.id())
                .add("created", m.created().toString())
                .add("extracts", extracts);
        m.protectedCounts().ifPresent(p -> json.add("protectedCounts", protectedCounts(p)));
        json.add("microdata", Json.createObjectBuilder()
                        .add("representativeRule", md.representativeRule())
                        .add("k", md.k())
                        .add("quasiIdentifiers", quasiIdentifiers(md))
                        .add("suppressionLimit", rounded(md.suppressionLimit()))
                        .add("suppressedShare", rounded(md.suppressedShare(), PUBLIC_DECIMALS))
                        .add("ctdcSuppressedShare", rounded(md.ctdcSuppressedShare()))
                        .add("loss", rounded(md.loss(), PUBLIC_DECIMALS))
                        .add("optimal", md.optimal()))
                .add("cellKey", cellKey(m.cellKey()));
        return pretty(json.build());
    }

    private static String pretty(JsonObject json) {
        StringWriter out = new StringWriter();
        try (JsonWriter writer = PRETTY.createWriter(out)) {
            writer.writeObject(json);
        }
        return out.toString().strip();
    }

    private static JsonArrayBuilder quasiIdentifiers(Microdata md) {
        JsonArrayBuilder qis = Json.createArrayBuilder();
        for (QuasiIdentifier qi : md.quasiIdentifiers()) {
            qis.add(Json.createObjectBuilder()
                    .add("column", qi.column())
                    .add("level", qi.level())
                    .add("maxLevel", qi.maxLevel()));
        }
        return qis;
    }

    private static JsonObjectBuilder cellKey(CellKey ck) {
        JsonObjectBuilder cellKey = Json.createObjectBuilder()
                .add("maxPerturbation", ck.maxPerturbation())
                .add("variance", rounded(ck.variance()))
                .add("smallestPublishedNonZero", ck.smallestPublishedNonZero());
        ck.pStay().ifPresent(p -> cellKey.add("pStay", rounded(p)));
        CellKeyEffect effect = ck.effect();
        return cellKey.add("threshold", ck.threshold())
                .add("effect", Json.createObjectBuilder()
                        .add("measure", effect.measure())
                        .add("tables", Json.createArrayBuilder(effect.tables()))
                        .add("cells", effect.cells())
                        .add("withheldCells", effect.withheldCells())
                        .add("changedShare", rounded(effect.changedShare()))
                        .add("meanAbsoluteChange", rounded(effect.meanAbsoluteChange())));
    }

    /** Both totals as {@code GET /v1/statistics} writes a cell: {@code value} (null when withheld) and its flags. */
    private static JsonObjectBuilder protectedCounts(ProtectedCounts p) {
        return Json.createObjectBuilder()
                .add("victims", cell(p.victims()))
                .add("registrations", cell(p.registrations()));
    }

    private static JsonObjectBuilder cell(ProtectedCell cell) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        if (cell.value().isPresent()) {
            json.add("value", cell.value().getAsLong());
        } else {
            json.addNull("value");
        }
        return json.add("OBS_STATUS", cell.obsStatus().code())
                .add("CONF_STATUS", cell.confStatus().code());
    }

    private static ProtectedCell readCell(JsonObject o) {
        ProtectedCell cell = o.isNull("value") ? ProtectedCell.withheld() : ProtectedCell.published(longOf(o, "value"));
        if (!cell.obsStatus().code().equals(o.getString("OBS_STATUS"))
                || !cell.confStatus().code().equals(o.getString("CONF_STATUS"))) {
            throw new JsonException("the flags of a protected count do not fit its value");
        }
        return cell;
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
            // Absent from manifests stored before the protected totals were computed at build time.
            Optional<ProtectedCounts> protectedCounts = Optional.ofNullable(o.getJsonObject("protectedCounts"))
                    .map(p -> new ProtectedCounts(readCell(p.getJsonObject("victims")),
                            readCell(p.getJsonObject("registrations"))));
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
                    protectedCounts, microdata, cellKey);
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
        return rounded(value, DECIMALS);
    }

    private static BigDecimal rounded(double value, int decimals) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("a manifest figure must be finite, was " + value);
        }
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_EVEN).stripTrailingZeros();
        // 10 would otherwise print as 1E+1.
        return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
    }

    /** Joins manifests already in JSON form into {@code {"items": [...]}} without parsing them again. */
    public static String list(List<String> manifests) {
        return "{\"items\":[" + String.join(",", manifests) + "]}";
    }
}
