package org.tipx.api.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipx.api.format.SdmxJsonDataWriter;
import org.tipx.api.format.SdmxJsonReader;
import org.tipx.api.format.SdmxJsonSchemas;
import org.tipx.api.format.SdmxJsonStructureWriter;

/**
 * SDMX-JSON 2.0 over HTTP, chosen by {@code Accept} or {@code format=jsondata|jsonstructure}: valid against
 * the official schemas, and the data say what {@code /v1/statistics} says for the same query.
 */
class SdmxJsonOverHttpTest {

    @TempDir
    Path dir;

    @Test
    void jsonData_byAcceptOrFormat_isValid_andHoldsTheCellsOfStatistics() throws Exception {
        try (RunningStatistics server = new RunningStatistics(dir,
                StatisticsApi.over(StatisticsApiTest.releases()).withRateLimit(Optional.empty()))) {
            int withheld = 0;
            for (SdmxClientCases.Case c : SdmxClientCases.CASES) {
                String path = "/sdmx/2.1/data/TIPX,DF_THB,1.0/" + c.key();
                HttpResponse<String> negotiated = server.send(server.request(path)
                        .header("Accept", SdmxJsonDataWriter.MEDIA_TYPE));
                assertEquals(200, negotiated.statusCode(), negotiated.body());
                assertEquals(SdmxJsonDataWriter.MEDIA_TYPE, negotiated.headers().firstValue("Content-Type").orElseThrow());
                assertEquals(negotiated.body(), server.get(path + "?format=jsondata").body());
                assertEquals(List.of(), SdmxJsonSchemas.DATA.problems(negotiated.body()), c.key());
                Map<String, String> read = new TreeMap<>();
                SdmxJsonReader.observations(negotiated.body()).forEach((key, cell) -> read.put(key,
                        (cell.get("OBS_VALUE").isEmpty() ? "NaN" : cell.get("OBS_VALUE")) + " " + cell.get("OBS_STATUS")
                                + " " + cell.get("CONF_STATUS")));
                assertEquals(SdmxClientCases.expected(server, c), read, c.key());
                withheld += (int) read.values().stream().filter(v -> v.startsWith("NaN Q A")).count();
            }
            assertNotEquals(0, withheld);
        }
    }

    @Test
    void jsonStructure_byAcceptOrFormat_isValid() throws Exception {
        try (RunningStatistics server = new RunningStatistics(dir,
                StatisticsApi.over(StatisticsApiTest.releases()).withRateLimit(Optional.empty()))) {
            for (String path : List.of("/sdmx/2.1/dataflow/TIPX/DF_THB/latest?references=all",
                    "/sdmx/2.1/datastructure/TIPX/DSD_THB/1.0?references=children", "/sdmx/2.1/codelist/SDMX/CL_SEX/2.1")) {
                HttpResponse<String> negotiated = server.send(server.request(path)
                        .header("Accept", SdmxJsonStructureWriter.MEDIA_TYPE));
                assertEquals(200, negotiated.statusCode(), negotiated.body());
                assertEquals(SdmxJsonStructureWriter.MEDIA_TYPE, negotiated.headers().firstValue("Content-Type").orElseThrow());
                assertEquals(negotiated.body(), server.get(path + (path.contains("?") ? "&" : "?") + "format=jsonstructure").body());
                assertEquals(List.of(), SdmxJsonSchemas.STRUCTURE.problems(negotiated.body()), path);
            }
            // Availability stays SDMX-ML: SDMX-JSON 2.0 has no SDMX 2.1 content constraint.
            HttpResponse<String> availability = server.send(server.request("/sdmx/2.1/availableconstraint/DF_THB")
                    .header("Accept", SdmxJsonStructureWriter.MEDIA_TYPE));
            assertEquals(406, availability.statusCode(), availability.body());
        }
    }
}
