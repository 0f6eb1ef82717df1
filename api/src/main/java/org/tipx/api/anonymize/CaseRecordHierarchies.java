package org.tipx.api.anonymize;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.tipx.anonymizer.Hierarchy;

/**
 * The default generalisation hierarchies of the case-record quasi-identifiers, read from
 * {@code org/tipx/datasets/hierarchies/<name>.csv} on the classpath (the repository's
 * {@code datasets/hierarchies/}, where PROVENANCE.md gives the rationale of each). Immutable and thread-safe.
 */
public final class CaseRecordHierarchies {

    /** The separator of the hierarchy files (ARX's format). */
    public static final char SEPARATOR = ';';

    private static final String RESOURCE_FOLDER = "org/tipx/datasets/hierarchies/";

    /** The file of each quasi-identifier column of {@link CaseRecordTable}; the three country columns share one. */
    private static final Map<String, String> FILE_OF_COLUMN = orderedMap(
            CaseRecordTable.REGISTRATION_YEAR, "registration_year",
            CaseRecordTable.AGE, "age",
            CaseRecordTable.SEX, "sex",
            CaseRecordTable.CITIZENSHIP, "country",
            CaseRecordTable.COUNTRY_OF_IDENTIFICATION, "country",
            CaseRecordTable.COUNTRY_OF_EXPLOITATION, "country",
            CaseRecordTable.EXPLOITATION, "exploitation",
            CaseRecordTable.STATUS, "status",
            CaseRecordTable.IDENTIFIED_BY, "identified_by");

    private final Map<String, Hierarchy> byColumn;

    private CaseRecordHierarchies(Map<String, Hierarchy> byColumn) {
        this.byColumn = byColumn;
    }

    /** Loads the hierarchy of every quasi-identifier of {@link CaseRecordTable}; fails if one is missing. */
    public static CaseRecordHierarchies load() {
        Map<String, Hierarchy> byFile = new LinkedHashMap<>();
        Map<String, Hierarchy> byColumn = new LinkedHashMap<>();
        FILE_OF_COLUMN.forEach((column, file) -> byColumn.put(column, byFile.computeIfAbsent(file, CaseRecordHierarchies::read)));
        return new CaseRecordHierarchies(Collections.unmodifiableMap(byColumn));
    }

    /**
     * A hierarchy file of {@code datasets/hierarchies/} by its name without extension, e.g. {@code age_band}
     * (which no {@link CaseRecordTable} column uses, but CTDC-style tables do).
     *
     * @throws IllegalArgumentException if there is no such file
     */
    public static Hierarchy named(String name) {
        return read(name);
    }

    /** The quasi-identifier columns, in {@link CaseRecordTable} order, each with its hierarchy. */
    public Map<String, Hierarchy> byColumn() {
        return byColumn;
    }

    /** The hierarchy of a quasi-identifier column, empty for any other column. */
    public Optional<Hierarchy> of(String column) {
        return Optional.ofNullable(byColumn.get(column));
    }

    private static Hierarchy read(String name) {
        String resource = RESOURCE_FOLDER + name + ".csv";
        InputStream in = CaseRecordHierarchies.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalArgumentException("no hierarchy resource " + resource);
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return Hierarchy.fromCsv(reader, SEPARATOR);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}
