package org.tipx.api.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LineReaderTest {

    @Test
    void allLineEnds_splitLines_andTheLastNeedsNone() throws IOException {
        assertEquals(List.of("a", "b", "", "c", "d"), lines("a\r\nb\n\rc\rd"));
        assertEquals(List.of("a", ""), lines("a\n\n"));
        assertEquals(List.of(), lines(""));
    }

    @Test
    void linesCrossingBuffers_areWhole() throws IOException {
        String first = "x".repeat(50_000);
        String second = "y".repeat(LineReader.MAX_LINE_CHARS);

        assertEquals(List.of(first, second, "z"), lines(first + "\r\n" + second + "\r\nz"));
    }

    @Test
    void lineOverTheMaximum_isCutAndFlagged_andTheNextIsRead() throws IOException {
        LineReader reader = new LineReader(new StringReader("w".repeat(300_000) + "\nnext\n"));

        assertEquals(LineReader.MAX_LINE_CHARS, reader.next().length());
        assertTrue(reader.tooLong());
        assertEquals("next", reader.next());
        assertFalse(reader.tooLong());
        assertNull(reader.next());
    }

    @Test
    void randomText_splitsLikeBufferedReader() throws IOException {
        Random random = new Random(99);
        for (int round = 0; round < 50; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < random.nextInt(400_000); i++) {
                int pick = random.nextInt(100);
                text.append(pick == 0 ? '\n' : pick == 1 ? '\r' : (char) ('a' + pick % 26));
            }
            List<String> expected = new java.io.BufferedReader(new StringReader(text.toString())).lines().toList();
            List<String> actual = lines(text.toString());
            assertEquals(expected.size(), actual.size());
            for (int i = 0; i < expected.size(); i++) {
                String line = expected.get(i);
                assertEquals(line.length() > LineReader.MAX_LINE_CHARS
                        ? line.substring(0, LineReader.MAX_LINE_CHARS) : line, actual.get(i));
            }
        }
    }

    private static List<String> lines(String text) throws IOException {
        LineReader reader = new LineReader(new StringReader(text));
        List<String> lines = new ArrayList<>();
        for (String line = reader.next(); line != null; line = reader.next()) {
            lines.add(line);
        }
        return lines;
    }
}
