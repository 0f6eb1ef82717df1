package org.tipx.api.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The contract's code lists, read from {@code org/tipx/datasets/code-lists/<name>.csv} on the classpath
 * (the repository's {@code datasets/code-lists/}). Immutable and thread-safe.
 */
public final class CodeLists {

    /** The lists the contract defines, one per coded field. */
    public static final List<String> CONTRACT_LISTS = List.of(
            "status", "identified_by", "sex", "age_band", "minor_at_exploitation", "exploitation", "labour_sector",
            "sexual_exploitation_type", "means_of_control", "recruiter_relation", "assistance");

    private static final String RESOURCE_FOLDER = "org/tipx/datasets/code-lists/";

    private final Map<String, CodeList> byName;

    private CodeLists(Map<String, CodeList> byName) {
        this.byName = Map.copyOf(byName);
    }

    /** Loads every list of {@link #CONTRACT_LISTS}; fails if one is missing or malformed. */
    public static CodeLists load() {
        Map<String, CodeList> lists = new LinkedHashMap<>();
        for (String name : CONTRACT_LISTS) {
            lists.put(name, read(name));
        }
        return new CodeLists(lists);
    }

    /** Lists given directly, e.g. by a test; names must be unique. */
    public static CodeLists of(Collection<CodeList> lists) {
        Map<String, CodeList> byName = new LinkedHashMap<>();
        for (CodeList list : lists) {
            if (byName.put(list.name(), list) != null) {
                throw new IllegalArgumentException("code list '" + list.name() + "' given twice");
            }
        }
        return new CodeLists(byName);
    }

    public Optional<CodeList> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The list of that name; {@link IllegalArgumentException} if there is none. */
    public CodeList get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("no code list named '" + name + "'"));
    }

    private static CodeList read(String name) {
        String resource = RESOURCE_FOLDER + name + ".csv";
        try (InputStream in = CodeLists.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("code list resource missing: " + resource);
            }
            CsvReader csv = new CsvReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> cells = new ArrayList<>();
            if (!csv.next(cells) || !cells.equals(List.of("code", "label"))) {
                throw new IllegalStateException(resource + " must start with the header code,label");
            }
            Map<String, String> labels = new LinkedHashMap<>();
            while (csv.next(cells)) {
                if (cells.size() == 1 && cells.get(0).isEmpty()) {
                    continue;
                }
                if (cells.size() != 2 || cells.get(0).isBlank() || csv.malformed()) {
                    throw new IllegalStateException(resource + " has a malformed row " + cells);
                }
                if (labels.put(cells.get(0), cells.get(1)) != null) {
                    throw new IllegalStateException(resource + " lists code '" + cells.get(0) + "' twice");
                }
            }
            return new CodeList(name, labels);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
