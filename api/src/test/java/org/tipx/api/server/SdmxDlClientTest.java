package org.tipx.api.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipx.api.sdmx.Codelist;
import org.tipx.api.sdmx.ThbStructure;
import sdmxdl.Connection;
import sdmxdl.DataSet;
import sdmxdl.DatabaseRef;
import sdmxdl.Dimension;
import sdmxdl.Flow;
import sdmxdl.FlowRef;
import sdmxdl.Key;
import sdmxdl.Languages;
import sdmxdl.Obs;
import sdmxdl.Query;
import sdmxdl.Series;
import sdmxdl.Structure;
import sdmxdl.provider.ri.drivers.Sdmx21RiDriver;
import sdmxdl.web.SdmxWebManager;
import sdmxdl.web.WebSource;

/**
 * A real SDMX 2.1 client, sdmx-dl (its RI driver {@code RI_SDMX21}, as for ECB, OECD or ILO), reads
 * tipx at {@code /sdmx/2.1} as a custom web source: the dataflow list, the data structure and data
 * whose observations are those of {@code /v1/statistics} for the same query, withheld cells included
 * (no value, OBS_STATUS Q). docs/sdmx.md shows the same calls.
 */
class SdmxDlClientTest {

    private static final FlowRef DF_THB = FlowRef.parse("TIPX,DF_THB,1.0");

    @TempDir
    Path dir;

    private RunningStatistics server;
    private Connection sdmxDl;

    @BeforeEach
    void start() throws Exception {
        server = new RunningStatistics(dir, StatisticsApi.over(StatisticsApiTest.releases()).withRateLimit(Optional.empty()));
        WebSource tipx = WebSource.builder()
                .id("TIPX")
                .name("en", "tipx")
                .driver("RI_SDMX21")
                .endpointOf(server.request("/sdmx/2.1").build().uri().toString())
                .build();
        SdmxWebManager manager = SdmxWebManager.builder().driver(new Sdmx21RiDriver()).build();
        sdmxDl = manager.getConnection(tipx, Languages.parse("en"));
    }

    @AfterEach
    void stop() throws Exception {
        sdmxDl.close();
        server.close();
    }

    @Test
    void readsTheDataflowList() throws Exception {
        Collection<Flow> flows = sdmxDl.getFlows(DatabaseRef.NO_DATABASE);
        assertEquals(1, flows.size(), flows.toString());
        Flow flow = flows.iterator().next();
        assertEquals(DF_THB, flow.getRef());
        assertEquals("TIPX,DSD_THB,1.0", flow.getStructureRef().toString());
        assertEquals(SdmxClientCases.STRUCTURE.dataflowName(), flow.getName());
    }

    @Test
    void readsTheDataStructure_dimensionsInKeyOrder_withTheirCodelists() throws Exception {
        Structure dsd = sdmxDl.getStructure(DatabaseRef.NO_DATABASE, DF_THB);
        assertEquals(ThbStructure.KEY, dsd.getDimensions().stream().map(Dimension::getId).toList());
        assertEquals(ThbStructure.TIME_PERIOD, dsd.getTimeDimensionId());
        assertEquals(ThbStructure.OBS_VALUE, dsd.getPrimaryMeasureId());
        assertTrue(dsd.getAttributes().stream().map(a -> a.getId()).toList()
                .containsAll(List.of("OBS_STATUS", "CONF_STATUS", "UNIT_MEASURE", "UNIT_MULT")));
        for (Dimension dimension : dsd.getDimensions()) {
            Codelist served = SdmxClientCases.STRUCTURE.codelist(SdmxClientCases.STRUCTURE
                    .dimension(dimension.getId()).orElseThrow().codelist());
            assertEquals(served.ref().agencyId() + "," + served.ref().id() + "," + served.ref().version(),
                    dimension.getCodelist().getRef().toString(), dimension.getId());
            Map<String, String> codes = new TreeMap<>();
            served.codes().forEach(code -> codes.put(code.id(), code.name()));
            assertEquals(codes, new TreeMap<>(dimension.getCodelist().getCodes()), dimension.getId());
        }
    }

    @Test
    void readsData_withTheValuesAndStatusesOfStatistics() throws Exception {
        int withheld = 0;
        for (SdmxClientCases.Case c : SdmxClientCases.CASES) {
            Map<String, String> expected = SdmxClientCases.expected(server, c);
            DataSet data = sdmxDl.getData(DatabaseRef.NO_DATABASE, DF_THB,
                    Query.builder().key(Key.parse(c.key())).build());
            Map<String, String> read = new TreeMap<>();
            for (Series series : data.getData()) {
                for (Obs obs : series.getObs()) {
                    String value = Double.isNaN(obs.getValue()) ? "NaN" : String.valueOf((long) obs.getValue());
                    read.put(series.getKey() + "|" + obs.getPeriod().getStart().getYear(), value + " "
                            + obs.getMeta().get("OBS_STATUS") + " " + obs.getMeta().get("CONF_STATUS"));
                }
            }
            assertNotEquals(0, expected.size(), c.key());
            assertEquals(expected, read, c.key());
            withheld += (int) expected.values().stream().filter(v -> v.startsWith("NaN")).count();
        }
        assertNotEquals(0, withheld, "the cases meet withheld cells");
    }
}
