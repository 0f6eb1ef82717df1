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
 * {@code "A.VICTIMS.UA._T._T.F._T._T._T._T._T|2021" -> "17 A F"} (value, OBS_STATUS, CONF_STATUS; a
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
            new Case("A.VICTIMS.UA+MD._T._T.F+M._T._T._T._T._T",
                    "by=country_of_identification,sex,year&country_of_identification=UA,MD&sex=female,male"),
            new Case("A.VICTIMS.UA._T._T.F.._T._T._T._T",
                    "by=age_band,year&country_of_identification=UA&sex=female"),
            new Case("A.VICTIMS.UA.._T._T.._T._T._T._T",
                    "by=citizenship,age_band,year&country_of_identification=UA"),
            new Case("A.REGISTRATIONS.RO._T._T._T._T._T._T._T._T",
                    "by=year&country_of_identification=RO&measure=registrations"));

    private SdmxClientCases() {
    }

    /** The cells of the case's statistics query, from its CSV answer (the year total is not an observation). */
    static Map<String, String> expected(RunningStatistics server, Case c) throws Exception {
        HttpResponse<String> csv = server.get("/v1/statistics?" + c.statistics() + "&format=csv");
        assertEquals(200, csv.statusCode(), csv.body());
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : c.statistics().split("&")) {
            String[] kv = pair.split("=", 2);
            parameters.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        Measure measure = parameters.getOrDefault("measure", "victims").equals("registrations")
                ? Measure.REGISTRATIONS : Measure.VICTIMS;
        // A table has total rows for its broken down dimensions; a key that lists codes asks for those codes only.
        String[] asked = c.key().split("\\.", -1);
        List<List<String>> rows = StatisticsApiTest.csvRows(csv.body());
        List<String> header = rows.get(0);
        int value = header.indexOf("OBS_VALUE");
        Map<String, String> cells = new TreeMap<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            String year = row.get(header.indexOf("year"));
            if (year.equals(SdmxCodes.TOTAL)) {
                continue;
            }
            List<String> key = new ArrayList<>(List.of(ThbStructure.ANNUAL, SdmxCodes.toSdmx(measure)));
            for (SeriesDimension dimension : STRUCTURE.dimensions()) {
                if (dimension.tipx().isEmpty()) {
                    continue;
                }
                Dimension tipx = dimension.tipx().get();
                int column = header.indexOf(tipx.id());
                String code = column >= 0 ? row.get(column) : parameters.getOrDefault(tipx.id(), SdmxCodes.TOTAL);
                key.add(code.equals(SdmxCodes.TOTAL) ? code : STRUCTURE.codes().toSdmx(tipx, code));
            }
            if (!asked(asked, key)) {
                continue;
            }
            String number = row.get(value).isEmpty() ? "NaN" : row.get(value);
            cells.put(String.join(".", key) + "|" + year, number + " " + row.get(value + 1) + " " + row.get(value + 2));
        }
        return cells;
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
