package org.tipx.api.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tipx.api.format.FormatFixtures.LABELS;
import static org.tipx.api.format.FormatFixtures.RELEASE;
import static org.tipx.api.format.FormatFixtures.write;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tipx.api.domain.Dimension;
import org.tipx.api.domain.Measure;
import org.tipx.api.statistics.ProtectedTable;
import org.tipx.api.statistics.TableQuery;

class CsvTableWriterTest {

    private final CsvTableWriter writer = new CsvTableWriter(LABELS);

    /** The answer after its byte order mark, which every answer starts with. */
    private String csv(PublishedTable table) {
        String csv = write(writer, table);
        assertEquals('\uFEFF', csv.charAt(0), "a UTF-8 byte order mark first");
        return csv.substring(1);
    }

    @Test
    void write_yearBySex_codesThenSdmxColumnsThenContext_noTotalOverYears() {
        String csv = csv(new PublishedTable(FormatFixtures.yearBySex(), RELEASE, false));
        assertEquals("""
                year,sex,OBS_VALUE,OBS_STATUS,CONF_STATUS,measure,release\r
                2020,female,12,A,F,victims,r-20261123-1\r
                2020,male,,Q,A,victims,r-20261123-1\r
                2020,_T,15,A,F,victims,r-20261123-1\r
                2021,female,20,A,F,victims,r-20261123-1\r
                2021,male,11,A,F,victims,r-20261123-1\r
                2021,_T,33,A,F,victims,r-20261123-1\r
                """, csv);
    }

    @Test
    void write_withLabels_labelColumnAfterEachCodeColumn_totalLabelledTotal() {
        String csv = csv(new PublishedTable(FormatFixtures.yearBySex(), RELEASE, true));
        assertEquals("""
                year,year_label,sex,sex_label,OBS_VALUE,OBS_STATUS,CONF_STATUS,measure,measure_label,release\r
                2020,2020,female,Female (HTCDS: Feminine),12,A,F,victims,Victims (distinct persons),r-20261123-1\r
                2020,2020,male,Male (HTCDS: Masculine),,Q,A,victims,Victims (distinct persons),r-20261123-1\r
                2020,2020,_T,Total,15,A,F,victims,Victims (distinct persons),r-20261123-1\r
                2021,2021,female,Female (HTCDS: Feminine),20,A,F,victims,Victims (distinct persons),r-20261123-1\r
                2021,2021,male,Male (HTCDS: Masculine),11,A,F,victims,Victims (distinct persons),r-20261123-1\r
                2021,2021,_T,Total,33,A,F,victims,Victims (distinct persons),r-20261123-1\r
                """, csv);
    }

    @Test
    void write_labelWithComma_isQuoted_unknownSaysNotRecorded() {
        String csv = csv(new PublishedTable(FormatFixtures.byExploitation(), RELEASE, true));
        assertEquals("""
                exploitation,exploitation_label,OBS_VALUE,OBS_STATUS,CONF_STATUS,measure,measure_label,release\r
                sexual,Sexual exploitation,30,A,F,victims,Victims (distinct persons),r-20261123-1\r
                forced_labour,Forced labour,25,A,F,victims,Victims (distinct persons),r-20261123-1\r
                servitude,"Slavery and similar practices, servitude",,Q,A,victims,Victims (distinct persons),r-20261123-1\r
                unknown,Not recorded,12,A,F,victims,Victims (distinct persons),r-20261123-1\r
                _T,Total,52,A,F,victims,Victims (distinct persons),r-20261123-1\r
                """, csv);
    }

    @Test
    void write_emptyBy_oneTotalRow_evenWhenWithheld_withItsPeriod() {
        assertEquals("OBS_VALUE,OBS_STATUS,CONF_STATUS,measure,measure_label,release\r\n"
                        + "47,A,F,registrations,Registrations (case records),r-20261123-1\r\n",
                csv(new PublishedTable(FormatFixtures.total(), RELEASE, true)));
        assertEquals("OBS_VALUE,OBS_STATUS,CONF_STATUS,measure,year,release\r\n,Q,A,registrations,2020+2021,r-20261123-1\r\n",
                csv(new PublishedTable(FormatFixtures.withheldTotal(), RELEASE, false, List.of("2020", "2021"))));
    }

    @Test
    void write_filters_oneColumnPerFilteredDimension_codesJoinedByPlus() {
        String csv = csv(new PublishedTable(FormatFixtures.citizenshipByYearOfFemales(), RELEASE, true));
        List<String> lines = csv.lines().toList();
        assertEquals("citizenship,citizenship_label,year,year_label,OBS_VALUE,OBS_STATUS,CONF_STATUS,"
                + "measure,measure_label,sex,sex_label,release", lines.get(0));
        assertEquals("MDA,Republic of Moldova,2021,2021,13,A,F,victims,Victims (distinct persons),"
                + "female,Female (HTCDS: Feminine),r-20261123-1", lines.get(1));
        TableQuery twoSexes = new TableQuery(List.of(), java.util.Map.of(Dimension.SEX, java.util.Set.of("male", "female"),
                Dimension.CITIZENSHIP, java.util.Set.of("UA", "NA")), Measure.VICTIMS);
        String filtered = csv(new PublishedTable(new ProtectedTable(twoSexes,
                List.of(FormatFixtures.row(FormatFixtures.v(30)))), RELEASE, false));
        assertEquals("OBS_VALUE,OBS_STATUS,CONF_STATUS,measure,sex,citizenship,release\r\n"
                + "30,A,F,victims,female+male,NAM+UKR,r-20261123-1\r\n", filtered);
    }

    @Test
    void write_categoriesInTheOrderOfDimensions_notAsStrings() {
        ProtectedTable table = new ProtectedTable(TableQuery.of(Measure.VICTIMS, Dimension.AGE_BAND), List.of(
                FormatFixtures.row(FormatFixtures.v(20), "0-8"), FormatFixtures.row(FormatFixtures.v(21), "18-20"),
                FormatFixtures.row(FormatFixtures.v(22), "48+"), FormatFixtures.row(FormatFixtures.v(23), "9-17"),
                FormatFixtures.row(FormatFixtures.v(90), "_T")));
        List<String> codes = csv(new PublishedTable(table, RELEASE, false)).lines().skip(1)
                .map(line -> line.substring(0, line.indexOf(','))).toList();
        assertEquals(List.of("0-8", "9-17", "18-20", "48+", "_T"), codes);
    }

    @Test
    void write_sameTable_sameBytes_evenFromAnEqualCopy() {
        PublishedTable table = new PublishedTable(FormatFixtures.exploitationByAgeBySex(), RELEASE, true);
        PublishedTable copy = new PublishedTable(FormatFixtures.exploitationByAgeBySex(), RELEASE, true);
        assertArrayEquals(writer.bytes(table), writer.bytes(table));
        assertArrayEquals(writer.bytes(table), writer.bytes(copy));
    }

    @Test
    void write_isUtf8WithByteOrderMark_countriesInAlpha3_namibiaNotNA() {
        ProtectedTable table = new ProtectedTable(TableQuery.of(Measure.VICTIMS, Dimension.CITIZENSHIP), List.of(
                FormatFixtures.row(FormatFixtures.v(20), "CI"), FormatFixtures.row(FormatFixtures.v(21), "NA"),
                FormatFixtures.row(FormatFixtures.v(22), "TR"), FormatFixtures.row(FormatFixtures.v(23), "XS"),
                FormatFixtures.row(FormatFixtures.v(24), "XX"), FormatFixtures.row(FormatFixtures.v(20), "_T")));
        byte[] bytes = writer.bytes(new PublishedTable(table, RELEASE, true));
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'c'}, java.util.Arrays.copyOf(bytes, 4));
        String csv = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(csv.contains("\r\nCIV,Côte d’Ivoire,20,A,F,"), csv);
        assertTrue(csv.contains("\r\nNAM,Namibia,21,A,F,"), csv);
        assertTrue(csv.contains("\r\nTUR,Türkiye,22,A,F,"), csv);
        assertTrue(csv.contains("\r\nXXA,Stateless,23,A,F,"), csv);
        assertTrue(csv.contains("\r\nXXX,Unknown country,24,A,F,"), csv);
    }

    @Test
    void write_flushesButDoesNotCloseTheCallersStream() throws IOException {
        boolean[] closed = {false};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        FilterOutputStream out = new FilterOutputStream(bytes) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        writer.write(new PublishedTable(FormatFixtures.total(), RELEASE, false), out);
        assertEquals("\uFEFFOBS_VALUE,OBS_STATUS,CONF_STATUS,measure,release\r\n47,A,F,registrations,r-20261123-1\r\n",
                bytes.toString(java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(!closed[0]);
    }

    @Test
    void write_rowWithWrongNumberOfCodes_isRefusedBeforeAnythingIsWritten() {
        ProtectedTable table = new ProtectedTable(TableQuery.of(Measure.VICTIMS, Dimension.YEAR, Dimension.SEX),
                List.of(FormatFixtures.row(FormatFixtures.v(20), "2020")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThrows(IllegalArgumentException.class, () -> writer.write(new PublishedTable(table, RELEASE, false), out));
        assertEquals(0, out.size());
    }
}
