package org.tipx.api.format;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tipx.anonymizer.cellkey.ProtectedCell;
import org.tipx.api.release.ReleaseManifest;
import org.tipx.api.release.ReleaseReader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stored manifest and the views others read of it. */
class ManifestJsonTest {

    private static final String SHA_UA = "a".repeat(64);
    private static final String SHA_MD = "b".repeat(64);

    private static ReleaseManifest manifest(Optional<ReleaseManifest.ProtectedCounts> protectedCounts) {
        return new ReleaseManifest("2026-11-23.1", Instant.parse("2026-11-23T10:00:00Z"),
                List.of(new ReleaseManifest.InputExtract("ex-md", "md-ngo", "MD", "2025-Q2", SHA_MD, 7),
                        new ReleaseManifest.InputExtract("ex-ua", "ua-police", "UA", "2025-Q1", SHA_UA, 40)),
                new ReleaseManifest.Counts(47, 41, 41), protectedCounts,
                new ReleaseManifest.Microdata("rule", 11, List.of(new ReleaseManifest.QuasiIdentifier("sex", 0, 1)),
                        0.05, 2, 2.0 / 41, 0.41, 3, 12, 2.0 / 41, true),
                new ReleaseManifest.CellKey(5, 3.0, 2, OptionalDouble.empty(), 10,
                        new ReleaseManifest.CellKeyEffect("victims", List.of("year × sex"), 6, 2, 0.75, 1.5)));
    }

    private static final ReleaseManifest MANIFEST = manifest(Optional.of(new ReleaseManifest.ProtectedCounts(
            ProtectedCell.published(43), ProtectedCell.withheld())));

    /** Every number anywhere in {@code value}. */
    private static void numbers(jakarta.json.JsonValue value, List<java.math.BigDecimal> into) {
        switch (value.getValueType()) {
            case NUMBER -> into.add(((jakarta.json.JsonNumber) value).bigDecimalValue());
            case OBJECT -> value.asJsonObject().values().forEach(v -> numbers(v, into));
            case ARRAY -> value.asJsonArray().forEach(v -> numbers(v, into));
            default -> { }
        }
    }

    private static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    @Test
    void theAdministrator_readsTheStoredManifestByteForByte() {
        String stored = ManifestJson.write(MANIFEST);

        assertEquals(stored, ManifestJson.view(stored, ReleaseReader.ADMIN));
        JsonObject full = parse(stored);
        assertEquals(41, full.getJsonObject("counts").getInt("victims"));
        assertEquals(SHA_MD, full.getJsonArray("extracts").getJsonObject(0).getString("sha256"));
        assertEquals(2, full.getJsonObject("microdata").getInt("suppressedRecords"));
    }

    @Test
    void thePublicView_hasNoExactCountsRowsOrHashes_andTheProtectedTotals() {
        String view = ManifestJson.view(ManifestJson.write(MANIFEST), ReleaseReader.ANONYMOUS);
        JsonObject json = parse(view);

        assertFalse(json.containsKey("counts"));
        for (JsonObject extract : json.getJsonArray("extracts").getValuesAs(JsonObject.class)) {
            assertEquals(Set.of("id", "agency", "country", "period"), extract.keySet());
        }
        JsonObject microdata = json.getJsonObject("microdata");
        for (String exact : List.of("suppressedRecords", "classes", "smallestClass")) {
            assertFalse(microdata.containsKey(exact), exact);
        }
        assertEquals("0.05", microdata.getJsonNumber("suppressedShare").toString(), "2 of 41 at two decimals");
        assertEquals("0.05", microdata.getJsonNumber("loss").toString());
        assertEquals(11, microdata.getInt("k"));
        assertEquals(1, microdata.getJsonArray("quasiIdentifiers").size());
        JsonObject totals = json.getJsonObject("protectedCounts");
        assertEquals(43, totals.getJsonObject("victims").getInt("value"));
        assertEquals("A", totals.getJsonObject("victims").getString("OBS_STATUS"));
        assertEquals("F", totals.getJsonObject("victims").getString("CONF_STATUS"));
        assertTrue(totals.getJsonObject("registrations").isNull("value"), "withheld");
        assertEquals("Q", totals.getJsonObject("registrations").getString("OBS_STATUS"));
        assertEquals("A", totals.getJsonObject("registrations").getString("CONF_STATUS"));
        assertEquals(6, json.getJsonObject("cellKey").getJsonObject("effect").getInt("cells"), "the effect stays");
        List<java.math.BigDecimal> numbers = new java.util.ArrayList<>();
        numbers(json, numbers);
        for (int exact : List.of(47, 41, 40, 7)) { // registrations, victims, rows of each extract
            assertFalse(numbers.contains(java.math.BigDecimal.valueOf(exact)), exact + " in " + view);
        }
    }

    @Test
    void anAgency_seesRowsAndHashOfItsOwnExtractsOnly() {
        JsonObject json = parse(ManifestJson.view(ManifestJson.write(MANIFEST), ReleaseReader.agency("ua-police")));

        JsonObject md = json.getJsonArray("extracts").getJsonObject(0);
        JsonObject ua = json.getJsonArray("extracts").getJsonObject(1);
        assertEquals(Set.of("id", "agency", "country", "period"), md.keySet());
        assertEquals(SHA_UA, ua.getString("sha256"));
        assertEquals(40, ua.getInt("rows"));
        assertFalse(json.containsKey("counts"));
        assertFalse(json.getJsonObject("microdata").containsKey("classes"));
    }

    @Test
    void aMemberAddedToTheStoredManifest_staysOutOfThePublicView() {
        JsonObject stored = parse(ManifestJson.write(MANIFEST));
        String withSecret = Json.createObjectBuilder(stored).add("trueCells", Json.createArrayBuilder().add(1))
                .build().toString();

        JsonObject view = parse(ManifestJson.view(withSecret, ReleaseReader.ANONYMOUS));

        assertFalse(view.containsKey("trueCells"));
        assertEquals(stored.getString("id"), view.getString("id"));
    }

    @Test
    void aManifestStoredBeforeProtectedTotals_readsBack_andItsPublicViewHasNoTotals() {
        String legacy = ManifestJson.write(manifest(Optional.empty()));

        assertFalse(parse(legacy).containsKey("protectedCounts"));
        assertEquals(Optional.empty(), ManifestJson.read(legacy).protectedCounts());
        JsonObject view = parse(ManifestJson.view(legacy, ReleaseReader.ANONYMOUS));
        assertFalse(view.containsKey("protectedCounts"));
        assertFalse(view.containsKey("counts"));
    }

    @Test
    void protectedTotals_readBackAsWritten_andFlagsThatContradictTheValueAreRefused() {
        assertEquals(MANIFEST.protectedCounts(), ManifestJson.read(ManifestJson.write(MANIFEST)).protectedCounts());

        String contradictory = ManifestJson.write(MANIFEST).replaceFirst("\"OBS_STATUS\": \"A\"", "\"OBS_STATUS\": \"Q\"");
        assertThrows(IllegalArgumentException.class, () -> ManifestJson.read(contradictory));
    }

    @Test
    void aReaderRole_andAnAgencyIdGoTogether() {
        assertThrows(IllegalArgumentException.class,
                () -> new ReleaseReader(ReleaseReader.Role.AGENCY, Optional.empty()));
        assertThrows(IllegalArgumentException.class,
                () -> new ReleaseReader(ReleaseReader.Role.ADMIN, Optional.of("ua-police")));
        assertFalse(ReleaseReader.ANONYMOUS.mayReadMicrodata());
        assertTrue(ReleaseReader.agency("ua-police").mayReadMicrodata());
        assertTrue(ReleaseReader.ADMIN.mayReadMicrodata());
    }
}
