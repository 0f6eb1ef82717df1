package org.tipx.api.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.TypeConversionException;

/** The small parts of {@code tipx anonymize}: option converters, throttled progress, all-or-nothing files. */
class AnonymizeOptionsTest {

    @TempDir
    Path dir;

    @Test
    void share_acceptsFractionsAndPercentages() {
        ShareConverter share = new ShareConverter();
        assertEquals(0.05, share.convert("0.05"), 1e-15);
        assertEquals(0.05, share.convert("5%"), 1e-15);
        assertEquals(0.125, share.convert("12.5 %"), 1e-15);
        assertEquals(0.0, share.convert("0"));
        assertEquals(1.0, share.convert("100%"));
    }

    @Test
    void share_outOfRangeOrNotANumber_isRefusedQuotingIt() {
        ShareConverter share = new ShareConverter();
        for (String bad : new String[] {"1.5", "101%", "-1%", "five", "NaN", "Infinity", "0x1p-3", ""}) {
            TypeConversionException e = assertThrows(TypeConversionException.class, () -> share.convert(bad), bad);
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
    }

    @Test
    void duration_acceptsShortFormsAndIso() {
        DurationConverter duration = new DurationConverter();
        assertEquals(Duration.ofSeconds(60), duration.convert("60s"));
        assertEquals(Duration.ofMillis(500), duration.convert("500ms"));
        assertEquals(Duration.ofMinutes(5), duration.convert("5m"));
        assertEquals(Duration.ofHours(1), duration.convert("1H"));
        assertEquals(Duration.ofSeconds(90), duration.convert("PT1M30S"));
        for (String bad : new String[] {"0s", "soon", "-5s", "PT-1S", "5 minutes"}) {
            assertThrows(TypeConversionException.class, () -> duration.convert(bad), bad);
        }
    }

    @Test
    void separator_isOneCharacterOrTab() {
        SeparatorConverter separator = new SeparatorConverter();
        assertEquals(';', separator.convert(";"));
        assertEquals(',', separator.convert(","));
        assertEquals('\t', separator.convert("tab"));
        assertEquals('\t', separator.convert("\\t"));
        for (String bad : new String[] {"", ";;", "\"", "\n"}) {
            assertThrows(TypeConversionException.class, () -> separator.convert(bad), bad);
        }
    }

    @Test
    void progress_quietDuringTheFirstSecond_thenAtMostTwiceASecond() {
        AtomicLong now = new AtomicLong(1_000_000_000L);
        StringWriter text = new StringWriter();
        ThrottledProgress progress = new ThrottledProgress(new PrintWriter(text), now::get, Duration.ofSeconds(1),
                Duration.ofMillis(500));
        progress.progress(10, 100, Double.POSITIVE_INFINITY);
        now.addAndGet(900_000_000L);
        progress.progress(20, 100, 0.5);
        assertEquals("", text.toString(), "nothing before one second");
        assertFalse(progress.shown());

        now.addAndGet(200_000_000L); // 1.1 s
        progress.progress(30, 100, 0.25);
        now.addAndGet(100_000_000L); // 1.2 s: within 500 ms of the last line
        progress.progress(40, 100, 0.2);
        now.addAndGet(500_000_000L); // 1.7 s
        progress.progress(50, 100, 0.125);
        progress.done();

        String shown = text.toString();
        assertTrue(shown.contains("30 of 100 transformations checked (30%), best score 0.250000, 1.1 s"), shown);
        assertFalse(shown.contains("40 of 100"), shown);
        assertTrue(shown.contains("50 of 100 transformations checked (50%), best score 0.125000, 1.7 s"), shown);
        assertTrue(shown.endsWith(System.lineSeparator()), "the line is ended");
    }

    @Test
    void progress_beforeAnyScore_saysNoneYet() {
        AtomicLong now = new AtomicLong();
        StringWriter text = new StringWriter();
        ThrottledProgress progress = new ThrottledProgress(new PrintWriter(text), now::get, Duration.ZERO, Duration.ZERO);
        progress.progress(0, 8, Double.POSITIVE_INFINITY);
        assertTrue(text.toString().contains("best score none yet"), text.toString());
    }

    @Test
    void stagedFiles_appearOnlyOnCommit_andVanishWhenNotCommitted() throws IOException {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.json");
        try (StagedFiles files = new StagedFiles()) {
            files.stage(a, file -> Files.writeString(file, "a"));
            files.stage(b, file -> Files.writeString(file, "b"));
            assertFalse(Files.exists(a));
            assertFalse(Files.exists(b));
            files.commit();
        }
        assertEquals("a", Files.readString(a));
        assertEquals("b", Files.readString(b));

        Path c = dir.resolve("c.csv");
        assertThrows(IOException.class, () -> {
            try (StagedFiles files = new StagedFiles()) {
                files.stage(c, file -> Files.writeString(file, "c"));
                files.stage(a, file -> {
                    throw new IOException("disk full");
                });
                files.commit();
            }
        });
        assertFalse(Files.exists(c));
        assertEquals("a", Files.readString(a), "the earlier file is untouched");
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(2, left.count(), "no temporary file left");
        }
    }
}
