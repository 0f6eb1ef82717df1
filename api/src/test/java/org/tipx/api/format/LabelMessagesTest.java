package org.tipx.api.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.tipx.api.domain.Dimension;
import org.tipx.api.ingest.CodeLists;
import org.tipx.api.reference.Country;
import org.tipx.api.reference.ReferenceData;

/** The message files of datasets/labels: complete in every language, and English in step with the code lists. */
class LabelMessagesTest {

    private static final Dimension[] LISTED = {Dimension.SEX, Dimension.AGE_BAND, Dimension.MINOR_AT_EXPLOITATION,
            Dimension.EXPLOITATION, Dimension.IDENTIFIED_BY, Dimension.STATUS, Dimension.ASSISTANCE};

    @Test
    void english_codeLabels_areTheCodeListsOwn() {
        Map<String, String> en = Labels.properties("labels_en.properties");
        CodeLists lists = CodeLists.load();
        for (Dimension dimension : LISTED) {
            lists.get(dimension.id()).labels().forEach((code, label) ->
                    assertEquals(label, en.get("code." + dimension.id() + "." + code), dimension.id() + " " + code));
        }
        long codeKeys = en.keySet().stream().filter(key -> key.startsWith("code.")).count();
        long listed = java.util.Arrays.stream(LISTED).mapToLong(d -> lists.get(d.id()).codes().size()).sum();
        assertEquals(listed, codeKeys, "no label for a code the lists do not have");
    }

    @Test
    void everyLanguage_hasExactlyTheEnglishKeys_noneBlank() {
        Map<String, String> en = Labels.properties("labels_en.properties");
        for (Language language : Language.values()) {
            Map<String, String> messages = Labels.properties("labels_" + language.tag() + ".properties");
            assertEquals(new TreeSet<>(en.keySet()), new TreeSet<>(messages.keySet()), language.tag());
            messages.forEach((key, value) -> assertFalse(value.isBlank(), language.tag() + " " + key));
        }
    }

    @Test
    void russianAndUkrainian_nameEveryCountry_inCyrillic_withoutAbbreviations() {
        for (Language language : new Language[] {Language.RU, Language.UK}) {
            Map<String, String> names = Labels.properties("countries_" + language.tag() + ".properties");
            for (Country country : ReferenceData.load().countries().all()) {
                String name = names.get(country.iso2());
                assertTrue(name != null && name.matches("\\p{IsCyrillic}.*|\\P{IsCyrillic}*\\p{IsCyrillic}.*"),
                        language.tag() + " " + country.iso2() + ": " + name);
                assertFalse(name.contains("о-в") || name.contains("Св."), name);
                assertTrue(Character.isUpperCase(name.charAt(0)), name);
            }
            assertEquals(ReferenceData.load().countries().all().size(), names.size(), "no code beyond the country table");
        }
    }

    @Test
    void filesAreReadAsUtf8() {
        assertEquals("Беларусь", Labels.properties("countries_ru.properties").get("BY"));
        assertEquals("Білорусь", Labels.properties("countries_uk.properties").get("BY"));
    }
}
