package org.tipx.api.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    @Test
    void plainCells_areSplitOnCommas() throws IOException {
        assertEquals(List.of(List.of("a", "b", "c"), List.of("1", "2", "3")), records("a,b,c\n1,2,3\n"));
    }

    @Test
    void quotedCells_keepCommasQuotesAndLineBreaks() throws IOException {
        String csv = "\"a,b\",\"say \"\"hi\"\"\",\"line1\nline2\",\"cr\r\nlf\"\n";

        assertEquals(List.of(List.of("a,b", "say \"hi\"", "line1\nline2", "cr\r\nlf")), records(csv));
    }

    @Test
    void emptyAndQuotedEmptyCells_areEmptyStrings() throws IOException {
        assertEquals(List.of(List.of("", "", "x", "")), records(",\"\",x,\n"));
    }

    @Test
    void allLineEnds_areAccepted_andTheLastNeedsNone() throws IOException {
        assertEquals(List.of(List.of("a"), List.of("b"), List.of("c"), List.of("d")), records("a\r\nb\nc\rd"));
    }

    @Test
    void emptyLines_areRecordsOfOneEmptyCell() throws IOException {
        assertEquals(List.of(List.of(""), List.of("a", "b"), List.of(""), List.of(""), List.of("c", "d")),
                records("\r\na,b\n\n\r\nc,d\n"));
    }

    @Test
    void byteOrderMark_isNotPartOfTheFirstCell() throws IOException {
        assertEquals(List.of(List.of("a", "b")), records("\uFEFFa,b\n"));
        assertEquals(List.of(List.of("a,1", "b")), records("\uFEFF\"a,1\",b\n"));
    }

    @Test
    void byteOrderMark_onlyAtTheStart_isStripped() throws IOException {
        assertEquals(List.of(List.of("a", "\uFEFFb")), records("a,\uFEFFb\n"));
    }

    @Test
    void strayQuoteInPlainCell_marksTheRecordMalformed() throws IOException {
        CsvReader reader = new CsvReader(new StringReader("ab\"c,d\nok,fine\n"));
        List<String> cells = new ArrayList<>();

        assertTrue(reader.next(cells));
        assertEquals(List.of("ab\"c", "d"), cells);
        assertTrue(reader.malformed());
        assertTrue(reader.next(cells));
        assertFalse(reader.malformed());
    }

    @Test
    void textAfterClosingQuote_marksTheRecordMalformed() throws IOException {
        CsvReader reader = new CsvReader(new StringReader("\"ab\"cd,e\n"));
        List<String> cells = new ArrayList<>();

        assertTrue(reader.next(cells));
        assertEquals(List.of("ab", "e"), cells);
        assertTrue(reader.malformed());
    }

    @Test
    void recordWithTooManyCells_isCutAndFlagged() throws IOException {
        CsvReader reader = new CsvReader(new StringReader(",".repeat(1_000_000) + "\na,b\n"));
        List<String> cells = new ArrayList<>();

        assertTrue(reader.next(cells));
        assertTrue(reader.oversized());
        assertEquals(CsvReader.MAX_CELLS, cells.size());
        assertTrue(reader.next(cells));
        assertEquals(List.of("a", "b"), cells);
        assertFalse(reader.oversized());
    }

    @Test
    void cellsWithTheSameHash_stayDistinct() throws IOException {
        // "Aa" and "BB" share String.hashCode, so they meet in the reader's cache of recent cells.
        assertEquals("Aa".hashCode(), "BB".hashCode());

        assertEquals(List.of(List.of("Aa", "BB", "Aa", "BB"), List.of("BB", "Aa")), records("Aa,BB,Aa,BB\nBB,Aa\n"));
    }

    @Test
    void unterminatedQuote_throws() {
        CsvReader reader = new CsvReader(new StringReader("a,\"never closed\nb,c\n"));

        assertThrows(CsvReader.UnterminatedQuoteException.class, () -> reader.next(new ArrayList<>()));
    }

    @Test
    void cellsCrossingBufferBoundaries_areReadWhole() throws IOException {
        String longPlain = "p".repeat(40_000);
        String longQuoted = "q\"\n,".repeat(10_000);
        String csv = longPlain + "," + TestExtracts.csvCell(longQuoted) + "," + longPlain + "\n" + "x,y,z\n";

        assertEquals(List.of(List.of(longPlain, longQuoted, longPlain), List.of("x", "y", "z")), records(csv));
    }

    @Test
    void cellOfTheMaximumLength_isRead() throws IOException {
        String longest = "m".repeat(CsvReader.MAX_CELL_CHARS);

        assertEquals(List.of(List.of("a", longest), List.of(longest)), records("a," + longest + "\n\"" + longest
                + "\"\n"));
    }

    @Test
    void cellOverTheMaximum_isCutAndFlagged() throws IOException {
        String tooLong = "\"" + "q".repeat(CsvReader.MAX_CELL_CHARS) + "\"\"\",b\n" + "p".repeat(200_000) + ",c\nok\n";
        CsvReader reader = new CsvReader(new StringReader(tooLong));
        List<String> cells = new ArrayList<>();

        assertTrue(reader.next(cells));
        assertTrue(reader.oversized());
        assertEquals(CsvReader.MAX_CELL_CHARS, cells.get(0).length());
        assertEquals("b", cells.get(1));
        assertTrue(reader.next(cells));
        assertTrue(reader.oversized());
        assertEquals(List.of("p".repeat(CsvReader.MAX_CELL_CHARS), "c"), cells);
        assertTrue(reader.next(cells));
        assertFalse(reader.oversized());
        assertEquals(List.of("ok"), cells);
    }

    @Test
    void readerReturningOneCharAtATime_givesTheSameRecords() throws IOException {
        String csv = "\uFEFFa,\"b\"\"c\",\"d\r\ne\"\r\nf,,\"\"\n";
        List<List<String>> expected = records(csv);

        assertEquals(expected, records(new OneCharReader(csv)));
        assertEquals(List.of(List.of("a", "b\"c", "d\r\ne"), List.of("f", "", "")), expected);
    }

    @RepeatedTest(40)
    void randomCells_surviveWritingAndReading(RepetitionInfo repetition) throws IOException {
        Random random = new Random(7_919L * repetition.getCurrentRepetition());
        List<List<String>> written = new ArrayList<>();
        StringBuilder csv = new StringBuilder();
        int width = 1 + random.nextInt(6);
        for (int r = 0; r < 1 + random.nextInt(50); r++) {
            List<String> record = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                record.add(randomCell(random));
            }
            written.add(record);
            List<String> cells = new ArrayList<>();
            for (String cell : record) {
                cells.add(random.nextInt(4) == 0 ? '"' + cell.replace("\"", "\"\"") + '"' : TestExtracts.csvCell(cell));
            }
            csv.append(String.join(",", cells)).append(random.nextBoolean() ? "\r\n" : "\n");
        }

        assertEquals(written, records(csv.toString()));
    }

    private static String randomCell(Random random) {
        String alphabet = "abcXYZ019 ,;\"\r\n'=-éжك\uD83D\uDE00";
        StringBuilder cell = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            int at = random.nextInt(alphabet.length());
            char c = alphabet.charAt(at);
            if (Character.isHighSurrogate(c)) {
                cell.append(c).append(alphabet.charAt(at + 1));
            } else if (!Character.isLowSurrogate(c)) {
                cell.append(c);
            }
        }
        return cell.toString();
    }

    private static List<List<String>> records(String csv) throws IOException {
        return records(new StringReader(csv));
    }

    private static List<List<String>> records(Reader in) throws IOException {
        CsvReader reader = new CsvReader(in);
        List<List<String>> records = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        while (reader.next(cells)) {
            assertFalse(reader.malformed());
            assertFalse(reader.oversized());
            records.add(List.copyOf(cells));
        }
        return records;
    }

    /** Delivers one character per read, to cross every buffer boundary. */
    private static final class OneCharReader extends Reader {
        private final String text;
        private int pos;

        OneCharReader(String text) {
            this.text = text;
        }

        @Override
        public int read(char[] target, int offset, int length) {
            if (pos == text.length()) {
                return -1;
            }
            target[offset] = text.charAt(pos++);
            return 1;
        }

        @Override
        public void close() {
        }
    }
}
