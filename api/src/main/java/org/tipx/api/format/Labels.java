package org.tipx.api.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Collectors;

import org.tipx.anonymizer.cellkey.ConfStatus;
import org.tipx.anonymizer.cellkey.ObsStatus;
import org.tipx.api.domain.Dimension;
import org.tipx.api.domain.Measure;
import org.tipx.api.ingest.CodeLists;
import org.tipx.api.reference.Countries;
import org.tipx.api.reference.Country;
import org.tipx.api.reference.ReferenceData;
import org.tipx.api.statistics.ProtectedTable;

/**
 * The labels of the statistics dimensions, their codes, the measures and the status codes in one
 * {@link Language}, read from the message files {@code datasets/labels/labels_<lang>.properties} and,
 * for country names, {@code datasets/labels/countries_<lang>.properties} (English: the country table
 * {@code datasets/geo/countries.csv}). The code lists give the codes and their order; the message
 * files give every label, so a language is only a file (datasets/labels/PROVENANCE.md).
 *
 * <p>Codes beyond the lists: {@link ProtectedTable#TOTAL} (key {@code total}) in every dimension,
 * {@code XX} (unknown country) in every country dimension and {@code XS} (stateless) in citizenship,
 * and {@link Dimension#UNKNOWN}, which {@link Dimension} gives a record whose field was left empty.
 * Where the code list has an {@code unknown} code of its own and the field is optional, both meanings
 * fall into the same cell, so the label says so (key {@code unknown_or_not_recorded}); where the field
 * is optional and the list has no such code the label is {@code not_recorded}; a required field keeps
 * its list's label.
 *
 * <p>A code that is in no list (a year, or a code a later contract version adds) is its own label,
 * so labelling never fails on data. A message file that lacks a label fails the load. Immutable and
 * thread-safe; load once per language and share.
 */
public final class Labels {

    private static final String FOLDER = "org/tipx/datasets/labels/";
    /** The codes the contract adds to the country table: unknown country, and stateless for citizenship. */
    private static final String UNKNOWN_COUNTRY = "XX";
    private static final String STATELESS = "XS";

    private final Language language;
    private final Map<String, String> messages;
    private final Map<Dimension, DimensionInfo> infos;
    private final Map<Dimension, Map<String, String>> codeLabels;

    private Labels(Language language, Map<String, String> messages, Map<Dimension, DimensionInfo> infos) {
        this.language = language;
        this.messages = Map.copyOf(messages);
        Map<Dimension, DimensionInfo> copy = new EnumMap<>(Dimension.class);
        Map<Dimension, Map<String, String>> labels = new EnumMap<>(Dimension.class);
        for (DimensionInfo info : infos.values()) {
            copy.put(info.dimension(), info);
            Map<String, String> byCode = new LinkedHashMap<>();
            info.codes().forEach(code -> byCode.put(code.code(), code.label()));
            if (country(info.dimension())) {
                byCode.put(UNKNOWN_COUNTRY, message("country." + UNKNOWN_COUNTRY));
            }
            if (info.dimension() == Dimension.CITIZENSHIP) {
                byCode.put(STATELESS, message("country." + STATELESS));
            }
            labels.put(info.dimension(), Collections.unmodifiableMap(byCode));
        }
        this.infos = Collections.unmodifiableMap(copy);
        this.codeLabels = Collections.unmodifiableMap(labels);
    }

    /** The English labels, from the files on the classpath. */
    public static Labels load() {
        return load(Language.DEFAULT);
    }

    /** The labels in {@code language}, from the files on the classpath. */
    public static Labels load(Language language) {
        return of(language, CodeLists.load(), ReferenceData.load().countries());
    }

    /** The labels in every language tipx publishes, from the files on the classpath. */
    public static Map<Language, Labels> loadAll() {
        CodeLists codeLists = CodeLists.load();
        Countries countries = ReferenceData.load().countries();
        Map<Language, Labels> all = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            all.put(language, of(language, codeLists, countries));
        }
        return Collections.unmodifiableMap(all);
    }

    /**
     * The labels in {@code language} of the given code lists' codes (each list named as its
     * dimension's field) and countries.
     *
     * @throws IllegalStateException if a message file lacks a label
     */
    public static Labels of(Language language, CodeLists codeLists, Countries countries) {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(codeLists, "codeLists");
        Objects.requireNonNull(countries, "countries");
        Map<String, String> messages = properties("labels_" + language.tag() + ".properties");
        Map<String, String> countryNames = language == Language.EN ? Map.of()
                : properties("countries_" + language.tag() + ".properties");
        Map<String, String> countryLabels = new LinkedHashMap<>();
        for (Country country : countries.all()) {
            String name = language == Language.EN ? country.name() : countryNames.get(country.iso2());
            countryLabels.put(country.iso2(), required(name, "countries_" + language.tag(), country.iso2()));
        }
        Map<Dimension, DimensionInfo> infos = new EnumMap<>(Dimension.class);
        for (Dimension dimension : Dimension.values()) {
            Map<String, String> listed = new LinkedHashMap<>();
            switch (dimension) {
                case YEAR -> { }
                case CITIZENSHIP, COUNTRY_OF_IDENTIFICATION, COUNTRY_OF_EXPLOITATION -> listed.putAll(countryLabels);
                case SEX, AGE_BAND, MINOR_AT_EXPLOITATION, EXPLOITATION, IDENTIFIED_BY, STATUS, ASSISTANCE -> {
                    for (String code : codeLists.get(dimension.id()).codes()) {
                        String key = "code." + dimension.id() + "." + code;
                        listed.put(code, required(messages.get(key), "labels_" + language.tag(), key));
                    }
                }
            }
            String label = required(messages.get("dimension." + dimension.id()), "labels_" + language.tag(),
                    "dimension." + dimension.id());
            infos.put(dimension, new DimensionInfo(dimension, label, codes(dimension, listed, messages)));
        }
        return new Labels(language, messages, infos);
    }

    private static List<DimensionInfo.Code> codes(Dimension dimension, Map<String, String> listed,
                                                  Map<String, String> messages) {
        List<DimensionInfo.Code> codes = new ArrayList<>();
        if (dimension == Dimension.YEAR) {
            return codes;
        }
        listed.forEach((code, label) -> {
            if (!code.equals(Dimension.UNKNOWN)) {
                codes.add(new DimensionInfo.Code(code, label));
            }
        });
        String unknown;
        if (!optional(dimension)) {
            unknown = listed.getOrDefault(Dimension.UNKNOWN, messages.get("not_recorded"));
        } else {
            unknown = messages.get(listed.containsKey(Dimension.UNKNOWN) ? "unknown_or_not_recorded" : "not_recorded");
        }
        codes.add(new DimensionInfo.Code(Dimension.UNKNOWN, Objects.requireNonNull(unknown, "unknown label")));
        return codes;
    }

    /** True where the extract contract lets an agency leave the field empty. */
    private static boolean optional(Dimension dimension) {
        return switch (dimension) {
            case YEAR, SEX, COUNTRY_OF_IDENTIFICATION, STATUS -> false;
            case AGE_BAND, MINOR_AT_EXPLOITATION, CITIZENSHIP, COUNTRY_OF_EXPLOITATION, EXPLOITATION, IDENTIFIED_BY,
                 ASSISTANCE -> true;
        };
    }

    private static boolean country(Dimension dimension) {
        return dimension == Dimension.CITIZENSHIP || dimension == Dimension.COUNTRY_OF_IDENTIFICATION
                || dimension == Dimension.COUNTRY_OF_EXPLOITATION;
    }

    /** A message file as a map; properties files are read as UTF-8, not the format's default Latin-1. */
    static Map<String, String> properties(String file) {
        String resource = FOLDER + file;
        try (InputStream in = Labels.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            Properties properties = new Properties();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            Map<String, String> map = new LinkedHashMap<>();
            properties.stringPropertyNames().forEach(key -> map.put(key, properties.getProperty(key)));
            return map;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static String required(String value, String file, String key) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(file + " has no label for " + key);
        }
        return value;
    }

    private String message(String key) {
        return required(messages.get(key), "labels_" + language.tag(), key);
    }

    /**
     * A message of the labels file that is not a dimension's or a code's label (e.g. an indicator's
     * definition, {@code indicator.<id>.definition}); every language's file must have it.
     *
     * @throws IllegalStateException if this language's file lacks the key
     */
    public String text(String key) {
        return message(key);
    }

    /** The language of these labels. */
    public Language language() {
        return language;
    }

    /** The label of a dimension, e.g. {@code "Age band"}. */
    public String label(Dimension dimension) {
        return infos.get(dimension).label();
    }

    /**
     * The label of a code in a dimension: the total's label for {@code _T}, the code list's label (a
     * country's name), or the code itself where no list names it (a year).
     */
    public String label(Dimension dimension, String code) {
        Objects.requireNonNull(code, "code");
        if (code.equals(ProtectedTable.TOTAL)) {
            return message("total");
        }
        return codeLabels.get(dimension).getOrDefault(code, code);
    }

    /** The label of a measure, e.g. {@code "Victims (distinct persons)"}. */
    public String label(Measure measure) {
        return message("measure." + PublishedTable.measureId(measure));
    }

    /** What a measure counts, as a unit, e.g. {@code "persons"}. */
    public String unit(Measure measure) {
        return message("unit." + PublishedTable.measureId(measure));
    }

    /** The label of the measure dimension of a JSON-stat dataset. */
    public String measureDimension() {
        return message("measure");
    }

    /** The label of an SDMX OBS_STATUS code. */
    public String label(ObsStatus status) {
        return message("obs_status." + status.code());
    }

    /** The label of an SDMX CONF_STATUS code. */
    public String label(ConfStatus status) {
        return message("conf_status." + status.code());
    }

    /** A table's title: the measure, and the dimensions it is broken down by, e.g. "Victims … by sex, year". */
    public String tableTitle(Measure measure, List<Dimension> by) {
        if (by.isEmpty()) {
            return label(measure);
        }
        String dimensions = by.stream().map(d -> label(d).toLowerCase(language.locale())).collect(Collectors.joining(", "));
        return message("dataset.by").replace("{0}", label(measure)).replace("{1}", dimensions);
    }

    /** The title of the dataset of a measure in the catalogue. */
    public String datasetTitle(Measure measure) {
        return message("dataset." + PublishedTable.measureId(measure) + ".title");
    }

    /** The description of the dataset of a measure in the catalogue. */
    public String datasetDescription(Measure measure) {
        return message("dataset." + PublishedTable.measureId(measure) + ".description");
    }

    /** Every dimension with its label and codes, in {@link Dimension}'s order. */
    public List<DimensionInfo> dimensions() {
        return List.copyOf(infos.values());
    }

    /** One dimension with its label and codes. */
    public DimensionInfo dimension(Dimension dimension) {
        return infos.get(Objects.requireNonNull(dimension, "dimension"));
    }
}
