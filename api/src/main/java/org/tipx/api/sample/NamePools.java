package org.tipx.api.sample;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Common given and family names by citizenship, combined at random: every generated person is
 * fictional. Ukrainian names carry their Cyrillic spelling. They are chosen so that the Cyrillic and
 * Latin spellings agree under both ICU's {@code Any-Latin} and {@code Ukrainian-Latin/BGN}
 * transliterations (no ш, ч, ж, х, ц, г, и, й, ь, я, ю, є): a linkage normaliser built on either
 * maps {@code Коваленко} to {@code kovalenko}, while {@code Шевченко} would become {@code sevcenko}
 * under one and {@code shevchenko} under the other.
 */
final class NamePools {

    /** A name written in Latin script and, when the person's language has one, in Cyrillic. */
    record Name(String latin, Optional<String> cyrillic) {
        String written(boolean cyrillicScript) {
            return cyrillicScript ? cyrillic.orElse(latin) : latin;
        }
    }

    /** Names of one language; female and male family names differ where the language inflects them. */
    record Pool(List<Name> femaleGiven, List<Name> maleGiven, List<Name> femaleFamily, List<Name> maleFamily) {
    }

    private static final List<Name> UKRAINIAN_FAMILY = pairs("Kovalenko Коваленко", "Bondarenko Бондаренко",
            "Pavlenko Павленко", "Romanenko Романенко", "Petrenko Петренко", "Rudenko Руденко", "Moroz Мороз",
            "Savenko Савенко", "Kostenko Костенко", "Fedorenko Федоренко", "Ostapenko Остапенко",
            "Naumenko Науменко", "Soroka Сорока", "Mazur Мазур");
    static final Pool UKRAINIAN = new Pool(
            pairs("Olena Олена", "Oksana Оксана", "Anna Анна", "Marta Марта", "Tamara Тамара", "Alla Алла",
                    "Nina Ніна", "Roksolana Роксолана", "Vira Віра", "Dana Дана"),
            pairs("Ivan Іван", "Roman Роман", "Petro Петро", "Taras Тарас", "Stepan Степан", "Anton Антон",
                    "Pavlo Павло", "Nazar Назар", "Marko Марко", "Ostap Остап", "Oleksandr Олександр"),
            UKRAINIAN_FAMILY, UKRAINIAN_FAMILY);

    private static final List<Name> ROMANIAN_FAMILY = latin("Rusu", "Popa", "Ceban", "Lungu", "Munteanu",
            "Ciobanu", "Cojocaru", "Rotaru", "Popescu", "Ionescu");
    static final Pool ROMANIAN = new Pool(
            latin("Ana", "Maria", "Elena", "Ioana", "Cristina", "Mihaela"),
            latin("Ion", "Andrei", "Vasile", "Mihai", "Gheorghe", "Alexandru"),
            ROMANIAN_FAMILY, ROMANIAN_FAMILY);

    private static final List<Name> POLISH_FAMILY = latin("Nowak", "Wójcik", "Kowalczyk", "Mazur", "Krawczyk",
            "Kaczmarek", "Zając", "Król");
    private static final Pool POLISH = new Pool(
            latin("Anna", "Katarzyna", "Magdalena", "Agnieszka", "Joanna"),
            latin("Piotr", "Tomasz", "Paweł", "Krzysztof", "Marcin"),
            POLISH_FAMILY, POLISH_FAMILY);

    private static final Pool BULGARIAN = new Pool(
            latin("Maria", "Elena", "Desislava", "Ivelina", "Gergana"),
            latin("Georgi", "Ivan", "Dimitar", "Nikolay", "Stoyan"),
            latin("Ivanova", "Georgieva", "Dimitrova", "Petrova", "Nikolova"),
            latin("Ivanov", "Georgiev", "Dimitrov", "Petrov", "Nikolov"));

    private static final List<Name> GERMAN_FAMILY = latin("Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Becker");
    private static final Pool GERMAN = new Pool(
            latin("Anna", "Laura", "Julia", "Lea", "Sophie"),
            latin("Lukas", "Jonas", "Felix", "Leon", "Paul"),
            GERMAN_FAMILY, GERMAN_FAMILY);

    private static final List<Name> DUTCH_FAMILY = latin("de Vries", "Jansen", "de Jong", "Bakker", "Visser", "Smit");
    private static final Pool DUTCH = new Pool(
            latin("Emma", "Sanne", "Lotte", "Fleur", "Anouk"),
            latin("Daan", "Thijs", "Bram", "Ruben", "Sem"),
            DUTCH_FAMILY, DUTCH_FAMILY);

    private static final List<Name> NIGERIAN_FAMILY = latin("Okafor", "Okonkwo", "Adeyemi", "Eze", "Nwosu", "Balogun");
    private static final Pool NIGERIAN = new Pool(
            latin("Blessing", "Chioma", "Ngozi", "Amaka", "Funmilayo"),
            latin("Emeka", "Chinedu", "Tunde", "Ifeanyi", "Segun"),
            NIGERIAN_FAMILY, NIGERIAN_FAMILY);

    private static final List<Name> VIETNAMESE_FAMILY = latin("Nguyen", "Tran", "Le", "Pham", "Hoang", "Vu");
    private static final Pool VIETNAMESE = new Pool(
            latin("Lan", "Hoa", "Mai", "Linh", "Thu"),
            latin("Minh", "Tuan", "Hung", "Duc", "Nam"),
            VIETNAMESE_FAMILY, VIETNAMESE_FAMILY);

    private static final List<Name> SPANISH_FAMILY = latin("García", "Rodríguez", "Martínez", "López", "Hernández", "Gómez");
    private static final Pool SPANISH = new Pool(
            latin("María", "Laura", "Daniela", "Valentina", "Camila"),
            latin("Carlos", "Andrés", "Luis", "Jorge", "Miguel"),
            SPANISH_FAMILY, SPANISH_FAMILY);

    private static final List<Name> INTERNATIONAL_FAMILY = latin("Hassan", "Ahmed", "Mensah", "Ali", "Said", "Diallo",
            "Kaya", "Santos");
    private static final Pool INTERNATIONAL = new Pool(
            latin("Amina", "Fatima", "Sara", "Grace", "Leyla", "Aisha"),
            latin("Omar", "Daniel", "Yusuf", "Samuel", "David", "Kofi"),
            INTERNATIONAL_FAMILY, INTERNATIONAL_FAMILY);

    private static final Map<String, Pool> BY_CITIZENSHIP = Map.ofEntries(
            Map.entry("UA", UKRAINIAN), Map.entry("MD", ROMANIAN), Map.entry("RO", ROMANIAN),
            Map.entry("PL", POLISH), Map.entry("BG", BULGARIAN), Map.entry("DE", GERMAN), Map.entry("NL", DUTCH),
            Map.entry("NG", NIGERIAN), Map.entry("VN", VIETNAMESE), Map.entry("CO", SPANISH),
            Map.entry("VE", SPANISH), Map.entry("GT", SPANISH), Map.entry("MX", SPANISH), Map.entry("PE", SPANISH));

    private NamePools() {
    }

    static Pool forCitizenship(String iso2) {
        return BY_CITIZENSHIP.getOrDefault(iso2, INTERNATIONAL);
    }

    static Name given(Pool pool, boolean female, RandomGenerator random) {
        return pick(female ? pool.femaleGiven() : pool.maleGiven(), random);
    }

    static Name family(Pool pool, boolean female, RandomGenerator random) {
        return pick(female ? pool.femaleFamily() : pool.maleFamily(), random);
    }

    private static Name pick(List<Name> names, RandomGenerator random) {
        return names.get(random.nextInt(names.size()));
    }

    private static List<Name> pairs(String... latinSpaceCyrillic) {
        return Arrays.stream(latinSpaceCyrillic).map(pair -> {
            String[] parts = pair.split(" ");
            return new Name(parts[0], Optional.of(parts[1]));
        }).toList();
    }

    private static List<Name> latin(String... names) {
        return Arrays.stream(names).map(n -> new Name(n, Optional.<String>empty())).toList();
    }
}
