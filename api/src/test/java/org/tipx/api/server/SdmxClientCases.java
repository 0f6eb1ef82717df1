package org.tipx.api.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tipx.api.domain.Dimension;
import org.tipx.api.domain.Measure;
import org.tipx.api.format.Labels;
import org.tipx.api.sdmx.SdmxCodes;
import org.tipx.api.sdmx.SeriesDimension;
import org.tipx.api.sdmx.ThbStructure;

/**
 * What real SDMX clients must read from {@code /sdmx/2.1}: data queries paired with the
 * {@code /v1/statistics} query that publishes the same cells, and those cells as the CSV answer of
 * {@code /v1/statistics} gives them, keyed the way a client sees an observation:
 * {@code "A.VICTIMS.UA._T._T.F._T._T._T._T._T._T|2021" -> "17 A F"} (value, OBS_STATUS, CONF_STATUS; a
 * withheld cell's value is {@code NaN}).
 */
final class SdmxClientCases {

    static final ThbStructure STRUCTURE = ThbStructure.of(Labels.load());

    /** A data query key and the statistics query of the same table. */
    record Case(String key, String statistics) {
    }

    /**
     * Keys with one code, several, a wildcard (which includes the total {@code _T}) and both measures; the
     * fixture's releases withhold some of these cells (the age bands of one sex in one country are few).
     */
    static final List<Case> CASES = List.of(
            new Case("A.VICTIMS.UA+MD._T._T.F+M._T._T._T._T._T._T",
                    "by=country_of_identification,sex,year&country_of_identification=UA,MD&sex=female,male"),
            new Case("A.VICTIMS.UA._T._T.F.._T._T._T._T._T",
                    "by=age_band,year&country_of_identification=UA&sex=female"),
            new Case("A.VICTIMS.UA.._T._T.._T._T._T._T._T",
                    "by=citizenship,age_band,year&country_of_identification=UA"),
            new Case("A.REGISTRATIONS.RO._T._T._T._T._T._T._T._T._T",
                    "by=year&country_of_identification=RO&measure=registrations"));

    private SdmxClientCases() {
    }

    /** The cells of the case's statistics query, from its tipx JSON answer (the year total is not an observation). */
    static Map<String, String> expected(RunningStatistics server, Case c) throws Exception {
        HttpResponse<String> answer = server.get("/v1/statistics?" + c.statistics() + "&format=json");
        assertEquals(200, answer.statusCode(), answer.body());
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : c.statistics().split("&")) {
            String[] kv = pair.split("=", 2);
            parameters.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        Measure measure = parameters.getOrDefault("measure", "victims").equals("registrations")
                ? Measure.REGISTRATIONS : Measure.VICTIMS;
        // A table has total rows for its broken down dimensions; a key that lists codes asks for those codes only.
        String[] asked = c.key().split("\\.", -1);
        Map<String, String> cells = new TreeMap<>();
        for (Map<String, String> row : statisticsRows(answer.body())) {
            String year = row.get(Dimension.YEAR.id());
            if (year.equals(SdmxCodes.TOTAL)) {
                continue;
            }
            List<String> key = new ArrayList<>(List.of(ThbStructure.ANNUAL, SdmxCodes.toSdmx(measure)));
            for (SeriesDimension dimension : STRUCTURE.dimensions()) {
                if (dimension.tipx().isEmpty()) {
                    continue;
                }
                Dimension tipx = dimension.tipx().get();
                String code = row.getOrDefault(tipx.id(), parameters.getOrDefault(tipx.id(), SdmxCodes.TOTAL));
                key.add(code.equals(SdmxCodes.TOTAL) ? code : STRUCTURE.codes().toSdmx(tipx, code));
            }
            if (!asked(asked, key)) {
                continue;
            }
            String number = row.get("OBS_VALUE").isEmpty() ? "NaN" : row.get("OBS_VALUE");
            cells.put(String.join(".", key) + "|" + year, number + " " + row.get("OBS_STATUS") + " " + row.get("CONF_STATUS"));
        }
        return cells;
    }

    /**
     * The observations of a tipx JSON table: each row's codes by dimension id (the API's codes, which SDMX maps),
     * {@code OBS_VALUE} ({@code ""} when withheld), {@code OBS_STATUS} and {@code CONF_STATUS}.
     */
    static List<Map<String, String>> statisticsRows(String body) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (jakarta.json.JsonValue value : jakarta.json.Json.createReader(new java.io.StringReader(body)).readObject()
                .getJsonArray("observations")) {
            jakarta.json.JsonObject observation = value.asJsonObject();
            Map<String, String> row = new LinkedHashMap<>();
            observation.getJsonObject("codes").forEach((id, code) -> row.put(id, ((jakarta.json.JsonString) code).getString()));
            row.put("OBS_VALUE", observation.isNull("value") ? "" : observation.getJsonNumber("value").toString());
            row.put("OBS_STATUS", observation.getString("OBS_STATUS"));
            row.put("CONF_STATUS", observation.getString("CONF_STATUS"));
            rows.add(row);
        }
        return rows;
    }

    private static boolean asked(String[] asked, List<String> key) {
        for (int i = 0; i < asked.length; i++) {
            if (!asked[i].isEmpty() && !List.of(asked[i].split("\\+")).contains(key.get(i))) {
                return false;
            }
        }
        return true;
    }
}
