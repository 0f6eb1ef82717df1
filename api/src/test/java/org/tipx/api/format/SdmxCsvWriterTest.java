package org.tipx.api.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tipx.api.sdmx.DataQuery;

/**
 * SDMX-CSV as the SDMX-CSV field guides' examples write it (sdmx-twg/sdmx-csv, v1.0 and v2.0.0,
 * "Examples"): 1.0 starts {@code DATAFLOW} then the dimensions, {@code OBS_VALUE} and the attributes;
 * 2.0 starts {@code STRUCTURE,STRUCTURE_ID,ACTION} with {@code dataflow}, {@code AGENCY:ID(VERSION)} and
 * action {@code I} on every row.
 */
class SdmxCsvWriterTest {

    private static final String KEY = "FREQ,MEASURE,REF_AREA,CITIZENSHIP,COUNTRY_EXPLOIT,SEX,AGE,MINOR,EXPLOITATION,"
            + "IDENTIFIED_BY,VICTIM_STATUS,ASSISTANCE";

    @Test
    void version2() {
        String csv = new String(SdmxCsvWriter.version2().bytes(SdmxMlSchemaTest.dataSet(DataQuery.all())),
                StandardCharsets.UTF_8);
        List<String> lines = List.of(csv.split("\r\n", -1));
        // The guide's example 1: STRUCTURE,STRUCTURE_ID,ACTION,DIM_1,DIM_2,DIM_3,OBS_VALUE,ATTR_2,...
        assertEquals("STRUCTURE,STRUCTURE_ID,ACTION," + KEY + ",TIME_PERIOD,OBS_VALUE,OBS_STATUS,CONF_STATUS,"
                + "UNIT_MEASURE,UNIT_MULT", lines.get(0));
        assertEquals("dataflow,TIPX:DF_THB(1.0),I,A,VICTIMS,UA,_T,_T,F,_T,_T,_T,_T,_T,_T,2020,15,A,F,PS,0", lines.get(1));
        assertEquals("dataflow,TIPX:DF_THB(1.0),I,A,VICTIMS,UA,_T,_T,F,_T,_T,_T,_T,_T,_T,2021,,Q,A,PS,0", lines.get(2));
        assertEquals("dataflow,TIPX:DF_THB(1.0),I,A,VICTIMS,UA,_T,_T,_T,Y9T17,_T,_T,_T,_T,_T,2021,30,A,F,PS,0", lines.get(3));
        assertEquals("", lines.get(4), "CRLF after the last record");
        assertEquals(5, lines.size());
    }

    @Test
    void version1() {
        String csv = new String(SdmxCsvWriter.version1().bytes(SdmxMlSchemaTest.dataSet(DataQuery.all())),
                StandardCharsets.UTF_8);
        List<String> lines = List.of(csv.split("\r\n", -1));
        // The guide's example: DATAFLOW,DIM_1,DIM_2,DIM_3,OBS_VALUE,... and ESTAT:NA_MAIN(1.6),A,B,2014-01,12.4,...
        assertEquals("DATAFLOW," + KEY + ",TIME_PERIOD,OBS_VALUE,OBS_STATUS,CONF_STATUS,UNIT_MEASURE,UNIT_MULT",
                lines.get(0));
        assertEquals("TIPX:DF_THB(1.0),A,VICTIMS,UA,_T,_T,F,_T,_T,_T,_T,_T,_T,2020,15,A,F,PS,0", lines.get(1));
    }

    @Test
    void dataOnlyLeavesTheAttributesOut() {
        String csv = new String(SdmxCsvWriter.version2().bytes(SdmxMlSchemaTest.dataSet(
                DataQuery.parse("all", Map.of("detail", "dataonly")))), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("STRUCTURE,STRUCTURE_ID,ACTION," + KEY + ",TIME_PERIOD,OBS_VALUE\r\n"), csv);
    }
}
