package org.tipx.api.sdmx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.tipx.api.domain.Dimension;
import org.tipx.api.format.Labels;

class SdmxCodesTest {

    private static final Labels LABELS = Labels.load();
    private static final SdmxCodes CODES = SdmxCodes.of(LABELS);

    @Test
    void everyTipxCodeMapsToOneSdmxCodeAndBack() {
        for (Dimension dimension : Dimension.values()) {
            if (dimension == Dimension.YEAR) {
                continue;
            }
            for (String tipx : SdmxCodes.tipxCodes(LABELS.dimension(dimension))) {
                String sdmx = CODES.toSdmx(dimension, tipx);
                assertTrue(sdmx.matches("[A-Za-z0-9_@$\\-]+"), sdmx + " is an SDMX id");
                assertEquals(Optional.of(tipx), CODES.toTipx(dimension, sdmx), dimension + " " + tipx);
            }
        }
    }

    @Test
    void crossDomainAndAgeCodes() {
        assertEquals("F", CODES.toSdmx(Dimension.SEX, "female"));
        assertEquals("M", CODES.toSdmx(Dimension.SEX, "male"));
        assertEquals("_U", CODES.toSdmx(Dimension.SEX, "unknown"));
        assertEquals("Y0T8", CODES.toSdmx(Dimension.AGE_BAND, "0-8"));
        assertEquals("Y9T17", CODES.toSdmx(Dimension.AGE_BAND, "9-17"));
        assertEquals("Y_GE48", CODES.toSdmx(Dimension.AGE_BAND, "48+"));
        assertEquals("_U", CODES.toSdmx(Dimension.AGE_BAND, "unknown"));
        assertEquals("Y", CODES.toSdmx(Dimension.MINOR_AT_EXPLOITATION, "yes"));
        assertEquals("FORCED_LABOUR", CODES.toSdmx(Dimension.EXPLOITATION, "forced_labour"));
        assertEquals("UA", CODES.toSdmx(Dimension.CITIZENSHIP, "UA"));
        assertEquals(Optional.of("XS"), CODES.toTipx(Dimension.CITIZENSHIP, "XS"));
        assertEquals(Optional.empty(), CODES.toTipx(Dimension.COUNTRY_OF_IDENTIFICATION, "XS"), "stateless is citizenship's");
        assertEquals("_T", CODES.toSdmx(Dimension.SEX, "_T"));
        assertEquals(Optional.of("_T"), CODES.toTipx(Dimension.SEX, "_T"));
        assertEquals(Optional.empty(), CODES.toTipx(Dimension.SEX, "female"), "SDMX codes only");
        assertEquals(Optional.of("2021"), CODES.toTipx(Dimension.YEAR, "2021"));
    }

    @Test
    void theStructureListsEveryCodeWithItsTotal() {
        ThbStructure structure = ThbStructure.of(LABELS);
        assertEquals(ThbStructure.KEY, structure.dimensions().stream().map(SeriesDimension::id).toList());
        Codelist sex = structure.codelist(ThbStructure.CL_SEX);
        assertTrue(sex.partial());
        assertEquals("Total", sex.code("_T").orElseThrow().name());
        assertEquals(LABELS.label(Dimension.SEX, "female"), sex.code("F").orElseThrow().name());
        assertTrue(structure.codelist(ThbStructure.CL_THB_CITIZENSHIP).code("XS").isPresent());
        assertTrue(structure.codelist(ThbStructure.CL_AREA).code("XX").isPresent());
        assertTrue(structure.codelist(ThbStructure.CL_AREA).code("XS").isEmpty());
    }
}
