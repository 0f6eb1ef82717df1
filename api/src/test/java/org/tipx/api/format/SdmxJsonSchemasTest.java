package org.tipx.api.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The validator judges the working group's own samples valid, and a broken one not. Formats are
 * asserted (our messages must pass them), and the data sample's {@code prepared} has no time zone, which
 * RFC 3339 date-time requires: that is its one complaint.
 */
class SdmxJsonSchemasTest {

    @Test
    void theWorkingGroupsSamples_areValid() {
        List<String> dataProblems = SdmxJsonSchemas.DATA.problems(SdmxJsonSchemas.resource("samples/exr-flat.json"));
        assertEquals(1, dataProblems.size(), dataProblems.toString());
        assertTrue(dataProblems.get(0).startsWith("/meta/prepared: "), dataProblems.toString());
        String zoned = SdmxJsonSchemas.resource("samples/exr-flat.json")
                .replace("\"2018-03-11T14:30:47\"", "\"2018-03-11T14:30:47Z\"");
        assertEquals(List.of(), SdmxJsonSchemas.DATA.problems(zoned));
        assertEquals(List.of(), SdmxJsonSchemas.STRUCTURE.problems(
                SdmxJsonSchemas.resource("samples/structure-constructed-sample.json")));
    }

    @Test
    void aSampleWithoutItsSender_orWithABadObservationKey_isRefused() {
        String sample = SdmxJsonSchemas.resource("samples/exr-flat.json");
        String noSender = sample.replaceFirst("\"sender\":\\{", "\"sendr\":{");
        assertFalse(SdmxJsonSchemas.DATA.problems(noSender).isEmpty());
        String badKey = sample.replace("\"0:0\":[", "\"0-0\":[");
        List<String> problems = SdmxJsonSchemas.DATA.problems(badKey);
        assertTrue(problems.stream().anyMatch(p -> p.contains("0-0")), problems.toString());
    }
}
