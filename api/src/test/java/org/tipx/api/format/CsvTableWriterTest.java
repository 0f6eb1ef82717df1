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

    @Test
    void write_yearBySex_codesThenSdmxColumns_withheldCellHasEmptyValueQandA() {
        String csv = write(writer, new PublishedTable(FormatFixtures.yearBySex(), RELEASE, false));
        assertEquals("""
                year,sex,OBS_VALUE,OBS_STATUS,CONF_STATUS\r
                2020,female,12,A,F\r
                2020,male,,Q,A\r
                2020,_T,15,A,F\r
                2021,female,20,A,F\r
                2021,male,11,A,F\r
                2021,_T,33,A,F\r
                _T,female,31,A,F\r
                _T,male,14,A,F\r
                _T,_T,47,A,F\r
                """, csv);
    }

    @Test
    void write_withLabels_labelColumnAfterEachCodeColumn_totalLabelledTotal() {
        String csv = write(writer, new PublishedTable(FormatFixtures.yearBySex(), RELEASE, true));
        assertEquals("""
                year,year_label,sex,sex_label,OBS_VALUE,OBS_STATUS,CONF_STATUS\r
                2020,2020,female,Female (HTCDS: Feminine),12,A,F\r
                2020,2020,male,Male (HTCDS: Masculine),,Q,A\r
                2020,2020,_T,Total,15,A,F\r
                2021,2021,female,Female (HTCDS: Feminine),20,A,F\r
                2021,2021,male,Male (HTCDS: Masculine),11,A,F\r
                2021,2021,_T,Total,33,A,F\r
                _T,Total,female,Female (HTCDS: Feminine),31,A,F\r
                _T,Total,male,Male (HTCDS: Masculine),14,A,F\r
                _T,Total,_T,Total,47,A,F\r
                """, csv);
    }

    @Test
    void write_labelWithComma_isQuoted_unknownSaysNotRecorded() {
        String csv = write(writer, new PublishedTable(FormatFixtures.byExploitation(), RELEASE, true));
        assertEquals("""
                exploitation,exploitation_label,OBS_VALUE,OBS_STATUS,CONF_STATUS\r
                forced_labour,Forced labour,25,A,F\r
                servitude,"Slavery and similar practices, servitude",,Q,A\r
                sexual,Sexual exploitation,30,A,F\r
                unknown,Not recorded,12,A,F\r
                _T,Total,52,A,F\r
                """, csv);
    }

    @Test
    void write_emptyBy_oneTotalRow_evenWhenWithheld() {
        assertEquals("OBS_VALUE,OBS_STATUS,CONF_STATUS\r\n47,A,F\r\n",
                write(writer, new PublishedTable(FormatFixtures.total(), RELEASE, true)));
        assertEquals("OBS_VALUE,OBS_STATUS,CONF_STATUS\r\n,Q,A\r\n",
                write(writer, new PublishedTable(FormatFixtures.withheldTotal(), RELEASE, false)));
    }

    @Test
    void write_sameTable_sameBytes_evenFromAnEqualCopy() {
        PublishedTable table = new PublishedTable(FormatFixtures.exploitationByAgeBySex(), RELEASE, true);
        PublishedTable copy = new PublishedTable(FormatFixtures.exploitationByAgeBySex(), RELEASE, true);
        assertArrayEquals(writer.bytes(table), writer.bytes(table));
        assertArrayEquals(writer.bytes(table), writer.bytes(copy));
    }

    @Test
    void write_isUtf8WithoutByteOrderMark() {
        ProtectedTable table = new ProtectedTable(TableQuery.of(Measure.VICTIMS, Dimension.CITIZENSHIP),
                List.of(FormatFixtures.row(FormatFixtures.v(20), "CI"), FormatFixtures.row(FormatFixtures.v(20), "_T")));
        byte[] bytes = writer.bytes(new PublishedTable(table, RELEASE, true));
        assertEquals('c', bytes[0]);
        String csv = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(csv.contains("CI,Côte d’Ivoire,20,A,F\r\n"), csv);
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
        assertEquals("OBS_VALUE,OBS_STATUS,CONF_STATUS\r\n47,A,F\r\n", bytes.toString(java.nio.charset.StandardCharsets.UTF_8));
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
