package org.tipx.api.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CaseRowGeneratorTest {

    @Test
    void ageBand_boundaries_followCtdcBands() {
        Map<Integer, String> expected = new LinkedHashMap<>();
        expected.put(0, "0-8");
        expected.put(8, "0-8");
        expected.put(9, "9-17");
        expected.put(17, "9-17");
        expected.put(18, "18-20");
        expected.put(21, "21-23");
        expected.put(24, "24-26");
        expected.put(27, "27-29");
        expected.put(30, "30-38");
        expected.put(38, "30-38");
        expected.put(39, "39-47");
        expected.put(47, "39-47");
        expected.put(48, "48+");
        expected.put(120, "48+");
        expected.forEach((age, band) -> assertEquals(band, CaseRowGenerator.ageBand(age), "age " + age));
    }

    @Test
    void weighted_draws_followTheWeights_andNeverAZeroWeightValue() {
        Weighted<String> w = Weighted.of("a", 3, "b", 1, "never", 0);
        SplittableRandom random = new SplittableRandom(5);
        int a = 0;
        for (int i = 0; i < 40_000; i++) {
            String v = w.draw(random);
            assertTrue(!v.equals("never"));
            a += v.equals("a") ? 1 : 0;
        }
        assertEquals(0.75, a / 40_000.0, 0.01);
        assertEquals(1.0, w.weightOf("b"));
        assertEquals(0.0, w.weightOf("absent"));
    }

    @Test
    void weighted_drawDistinct_givesDistinctValuesInDistributionOrder() {
        Weighted<String> w = Weighted.of("x", 1, "y", 1, "z", 1);
        SplittableRandom random = new SplittableRandom(9);
        for (int i = 0; i < 1_000; i++) {
            List<String> drawn = w.drawDistinct(random, 3);
            assertEquals(drawn.stream().distinct().count(), drawn.size());
            assertEquals(drawn.stream().sorted().toList(), drawn);
        }
    }

    @Test
    void weighted_withoutPositiveWeight_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> Weighted.of("a", 0));
        assertThrows(IllegalArgumentException.class, () -> Weighted.of("a", -1, "b", 2));
    }

    @Test
    void sampleRow_unknownFieldOrEmptyValue_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> new SampleRow(Map.of("nickname", "x")));
        assertThrows(IllegalArgumentException.class, () -> new SampleRow(Map.of("exploitation", List.of())));
        assertThrows(IllegalArgumentException.class, () -> new SampleRow(Map.of("given_name", "")));
    }

    @Test
    void encoding_quotesCommasAndQuotes_andWritesNdjsonArraysAndNumbers() throws Exception {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("record_id", "A,\"1\"");
        values.put("age", 30);
        values.put("exploitation", List.of("sexual", "forced_labour"));
        SampleRow row = new SampleRow(values);
        StringBuilder csv = new StringBuilder();
        ExtractEncoding.appendCsv(row, csv);
        assertTrue(csv.toString().startsWith("\"A,\"\"1\"\"\",,,"));
        assertTrue(csv.toString().contains(",30,"));
        assertTrue(csv.toString().contains(",sexual;forced_labour,"));
        assertTrue(csv.toString().endsWith("\r\n"));
        StringBuilder json = new StringBuilder();
        ExtractEncoding.appendNdjson(row, json);
        assertEquals("{\"record_id\":\"A,\\\"1\\\"\",\"age\":30,\"exploitation\":[\"sexual\",\"forced_labour\"]}\n", json.toString());
    }
}
