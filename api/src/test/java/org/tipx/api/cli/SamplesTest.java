package org.tipx.api.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sample extract and the template in {@code samples/} that the README hands to a new agency: the
 * sample passes {@code tipx validate} for the period the README names, and uses every column of the
 * template, so that an agency copying either one starts from the contract as it is today.
 */
class SamplesTest {

    private static final Path SAMPLES = Path.of("..", "samples");
    private static final Path SAMPLE = SAMPLES.resolve("extract-sample.csv");
    private static final Path TEMPLATE = SAMPLES.resolve("extract-template.csv");

    @Test
    void theSampleExtractIsValidForThePeriodTheReadmeNames() {
        CliRun run = CliRun.of("validate", SAMPLE.toString(), "--period", "2026-Q3");
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("valid, 12 rows"), run.out());
    }

    @Test
    void theSampleIsRefusedForAnotherPeriodSoTheValidatorDoesRead() {
        CliRun run = CliRun.of("validate", SAMPLE.toString(), "--period", "2026-Q2");
        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("registration_date [outside_period]"), run.out());
    }

    @Test
    void theTemplateAloneDeclaresAQuarterWithoutCases_asTheReadmeSays() {
        CliRun undeclared = CliRun.of("validate", TEMPLATE.toString(), "--period", "2026-Q3");
        assertEquals(1, undeclared.exit(), undeclared.out() + undeclared.err());
        assertTrue(undeclared.out().contains("[no_records]"), undeclared.out());

        CliRun declared = CliRun.of("validate", TEMPLATE.toString(), "--period", "2026-Q3", "--no-cases");
        assertEquals(0, declared.exit(), declared.out() + declared.err());
        assertTrue(declared.out().contains("valid, 0 rows"), declared.out());
    }

    @Test
    void theTemplateIsTheSamplesHeaderAloneAndTheSampleFillsEveryColumn() throws Exception {
        List<String> template = Files.readAllLines(TEMPLATE);
        List<String> sample = Files.readAllLines(SAMPLE);
        assertEquals(1, template.size(), "the template is one header line");
        assertEquals(sample.get(0), template.get(0));
        List<String> columns = List.of(template.get(0).split(","));
        for (int column = 0; column < columns.size(); column++) {
            int index = column;
            boolean filled = sample.stream().skip(1)
                    .map(line -> Arrays.asList(line.split(",", -1)))
                    .peek(cells -> assertEquals(columns.size(), cells.size(), "cells in " + cells))
                    .anyMatch(cells -> !cells.get(index).isEmpty());
            assertTrue(filled, "no sample row fills " + columns.get(index));
        }
        assertFalse(columns.isEmpty());
    }
}
