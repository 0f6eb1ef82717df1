package org.tipx.api.domain;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;


/**
 * A variable that a protected table can be broken down or filtered by, with its API id.
 *
 * <p>Each dimension maps a stored record to its codes: one code for a single-valued field, the
 * distinct forms for {@link #EXPLOITATION} (a record counts once in each of its forms). A field
 * that was not recorded (an empty optional, an empty list or a blank value) gives the single code
 * {@link #UNKNOWN}, so every record lies in exactly one cell per single-valued dimension and in at
 * least one per multi-valued dimension.
 */
@SuppressWarnings("ImmutableEnumChecker") // the code functions are stateless method references and lambdas
public enum Dimension {
    /** Registration year, as four digits. */
    YEAR("year", r -> List.of(Integer.toString(r.registrationYear()))),
    SEX("sex", r -> single(r.sex())),
    AGE_BAND("age_band", r -> single(r.ageBand().orElse(""))),
    MINOR_AT_EXPLOITATION("minor_at_exploitation", r -> single(r.minorAtExploitation().orElse(""))),
    CITIZENSHIP("citizenship", r -> single(r.citizenship().orElse(""))),
    COUNTRY_OF_IDENTIFICATION("country_of_identification", r -> single(r.countryOfIdentification())),
    COUNTRY_OF_EXPLOITATION("country_of_exploitation", r -> single(r.countryOfExploitation().orElse(""))),
    /** Multi-valued: the distinct forms of exploitation, in the record's order. */
    EXPLOITATION("exploitation", r -> multiple(r.exploitation())),
    IDENTIFIED_BY("identified_by", r -> single(r.identifiedBy().orElse(""))),
    STATUS("status", r -> single(r.status())),
    /**
     * Multi-valued: the distinct forms of assistance received (or {@code none}, {@code declined}), in the
     * record's order. Last, after the single-valued dimensions, so that adding it kept every other
     * dimension's position (and the SDMX key's order) unchanged.
     */
    ASSISTANCE("assistance", r -> multiple(r.assistance()));

    /** The code of a value that was not recorded. */
    public static final String UNKNOWN = "unknown";

    private final String id;
    private final Function<CaseRecord, List<String>> codes;

    Dimension(String id, Function<CaseRecord, List<String>> codes) {
        this.id = id;
        this.codes = codes;
    }

    /** The id used in queries and in published tables. */
    public String id() {
        return id;
    }

    /** The distinct codes of this record in this dimension; never empty. */
    public List<String> codes(CaseRecord record) {
        return codes.apply(record);
    }

    /** True for dimensions in which one record can have several codes. */
    public boolean multiValued() {
        return this == EXPLOITATION || this == ASSISTANCE;
    }

    /** The dimension with this id, if any. */
    public static Optional<Dimension> byId(String id) {
        return Arrays.stream(values()).filter(d -> d.id.equals(id)).findFirst();
    }

    private static List<String> single(String value) {
        return List.of(value.isBlank() ? UNKNOWN : value);
    }

    private static List<String> multiple(List<String> values) {
        Set<String> distinct = new LinkedHashSet<>();
        for (String value : values) {
            distinct.add(value.isBlank() ? UNKNOWN : value);
        }
        return distinct.isEmpty() ? List.of(UNKNOWN) : List.copyOf(distinct);
    }
}
