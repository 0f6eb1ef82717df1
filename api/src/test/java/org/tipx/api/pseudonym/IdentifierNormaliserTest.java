package org.tipx.api.pseudonym;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdentifierNormaliserTest {

    private final IdentifierNormaliser normaliser = new IdentifierNormaliser();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Kovalenko            | kovalenko
            KOVALENKO            | kovalenko
            Коваленко            | kovalenko
            КОВАЛЕНКО            | kovalenko
            Шевченко             | shevchenko
            Іванов               | ivanov
            Иванов               | ivanov
            Иванова              | ivanova
            Жуков                | zhukov
            Щербак               | shcherbak
            Рыбаков              | rybakov
            Хмельницький         | khmelnitskiy
            Юлія                 | yuliya
            Їжак                 | yizhak
            Євген                | yevgen
            Ґудзь                | gudz
            Ёлкин                | elkin
            Подъячев             | podyachev
            Вълчев               | valchev
            Димитров             | dimitrov
            Мар'яна              | maryana
            Марʼяна              | maryana
            Αλέξανδρος           | alexandros
            Παπαδόπουλος         | papadopoulos
            ΓΙΏΡΓΟΣ              | giorgos
            Δημήτρης             | dimitris
            Ευάγγελος            | evangelos
            Ευθυμίου             | efthymiou
            Παύλος               | pavlos
            Χρήστος              | christos
            Αγγελική             | angeliki
            Ἀθηνᾶ                | athina
            ხვიჩა                | khvicha
            კვარაცხელია          | kvaratskhelia
            محمد                 | mhmd
            O'Brien              | obrien
            obrien               | obrien
            Jean-Luc             | jeanluc
            Jean Luc             | jeanluc
            '  jean   luc '      | jeanluc
            Müller               | muller
            MÜLLER               | muller
            MULLER               | muller
            Mueller              | mueller
            Straße               | strasse
            Ørsted               | orsted
            Łukasz               | lukasz
            Þór                  | thor
            Nguyễn               | nguyen
            İstanbul             | istanbul
            Işık                 | isik
            ﬁnn                  | finn
            ＡＢＣ                | abc
            Ｋｏｖａｌｅｎｋｏ     | kovalenko
            Jose\u0301           | jose
            """)
    void normaliseName_variousScriptsAndForms_givesLatinAlphanumerics(String raw, String expected) {
        assertEquals(expected, normaliser.normaliseName(unescape(raw)));
    }

    @Test
    void normaliseName_combiningAccentAndPrecomposed_agree() {
        String combining = "Jose\u0301 Rene\u0301e";
        String precomposed = "José Renée";
        assertNotEquals(combining, precomposed);
        assertEquals("joserenee", normaliser.normaliseName(combining));
        assertEquals("joserenee", normaliser.normaliseName(precomposed));
    }

    @Test
    void normaliseName_onlyPunctuationAndSpaces_givesEmpty() {
        assertEquals("", normaliser.normaliseName(" - ' . ,  "));
        assertEquals("", normaliser.normaliseName(""));
    }

    @Test
    void normaliseName_hanAndHangul_transliteratedByIcu() {
        assertEquals("zhangwei", normaliser.normaliseName("張偉"));
        assertEquals("gimminjun", normaliser.normaliseName("김민준"));
    }

    @Test
    void normaliseName_dependsOnNoDefaultLocale() {
        // Surefire runs under a Turkish locale, where "I".toLowerCase() is a dotless ı.
        assertEquals("ivanov", normaliser.normaliseName("IVANOV"));
        assertEquals("istanbul", normaliser.normaliseName("ISTANBUL"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Коваленко     | Kovalenko
            Шевченко      | Shevchenko
            Іванов        | Ivanov
            Иванов        | Ivanov
            Іванова       | Ivanova
            Иванова       | Ivanova
            Жуков         | Zhukov
            Хмельницький  | Khmelnytskyi
            Хмельницький  | Khmelnitskiy
            Хмельницкий   | Khmelnitsky
            Григорій      | Hryhorii
            Григорий      | Grigoriy
            Ганна         | Hanna
            Олег          | Oleh
            Ольга         | Olha
            Ольга         | Olga
            Євген         | Yevhen
            Євген         | Evhen
            Евгений       | Yevgeniy
            Евгений       | Evgeny
            Юлія          | Yuliia
            Юлия          | Iuliia
            Юлия          | Yulia
            Сергій        | Serhii
            Сергій        | Sergiy
            Андреев       | Andreyev
            Марія         | Mariia
            Мария         | Maria
            Мар'яна       | Mariana
            Вълчев        | Valchev
            Αλέξανδρος    | Alexandros
            Δημήτρης      | Dimitris
            Ευάγγελος     | Evangelos
            Αικατερίνη    | Aikaterini
            Ιωάννης       | Ioannis
            Βασίλειος     | Vasileios
            Σοφία         | Sofia
            კვარაცხელია   | Kvaratskhelia
            Ørsted        | Orsted
            Иванов        | Yvanov
            Олег          | Oleg
            Андреев       | Andreev
            Юлія          | Yuliya
            MÜLLER        | Muller
            Jose\u0301    | Jose
            """)
    void nameLinkageKey_usualLatinSpelling_linksWithCyrillicOrOtherScript(String script, String latin) {
        assertEquals(normaliser.nameLinkageKey(latin), normaliser.nameLinkageKey(unescape(script)));
    }

    @ParameterizedTest(name = "{0} != {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Müller        | Mueller
            Сергей        | Serhiy
            Христо        | Hristo
            Щерба         | Shterba
            محمد          | Mohammed
            Олександр     | Alexander
            Ievgen        | Yevhen
            Μπάμπης       | Bampis
            Γιώργος       | Yiorgos
            """)
    void nameLinkageKey_documentedNonLinkingVariants_stayApart(String one, String other) {
        assertNotEquals(normaliser.nameLinkageKey(one), normaliser.nameLinkageKey(other));
    }

    @Test
    void nameLinkageKey_foldsVariantsButKeepsDigraphs() {
        assertEquals("khmelnitski", normaliser.nameLinkageKey("Khmelnytskyi"));
        assertEquals("shevchenko", normaliser.nameLinkageKey("Shevchenko"));
        assertEquals("zhukov", normaliser.nameLinkageKey("Zhukov"));
        assertEquals("iulia", normaliser.nameLinkageKey("Yuliya"));
        assertEquals("gana", normaliser.nameLinkageKey("Hanna"));
        assertEquals("evgen", normaliser.nameLinkageKey("Yevhen"));
        assertEquals("ieanluc", normaliser.nameLinkageKey("Jean-Luc"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            AB123456          | AB123456
            ab 123 456        | AB123456
            AB-123.456/       | AB123456
            ＡＢ１２３４５６      | AB123456
            АВ123456          | AB123456
            КН 123456         | KH123456
            ЕС-001            | EC001
            БД123             | BD123
            ΑΒ123456          | AB123456
            """)
    void normaliseDocumentNumber_keepsLettersAndDigitsUpperCaseAndReadsLookAlikesAsLatin(String raw, String expected) {
        assertEquals(expected, normaliser.normaliseDocumentNumber(raw));
    }

    @Test
    void normaliser_usedFromManyThreads_givesTheSameResultsAsSequentially() {
        List<String> names = List.of("Коваленко", "Ørsted", "Αλέξανδρος", "ხვიჩა", "張偉", "Müller", "Jean-Luc", "محمد");
        List<String> sequential = IntStream.range(0, 20_000)
                .mapToObj(i -> normaliser.nameLinkageKey(names.get(i % names.size())))
                .toList();
        List<String> parallel = IntStream.range(0, 20_000).parallel()
                .mapToObj(i -> normaliser.nameLinkageKey(names.get(i % names.size())))
                .toList();
        assertEquals(sequential, parallel);
    }

    /** CSV sources cannot carry a lone combining mark readably: {@code \u0301} is written escaped. */
    private static String unescape(String raw) {
        return raw.replace("\\u0301", "\u0301");
    }
}
