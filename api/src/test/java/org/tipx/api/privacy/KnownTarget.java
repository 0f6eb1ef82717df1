package org.tipx.api.privacy;

import java.util.Map;
import java.util.Objects;

/**
 * What the attacker knows of one planted person: their code in every dimension of the statistics
 * (country of identification, registration year, citizenship, sex, age band, ...), never whether they are
 * registered. Their name and birth date, which the attacker knows too, play no part in any attack on the
 * anonymised outputs and are kept out of here so that nothing can print them.
 *
 * @param id    the target's number in the world
 * @param codes dimension id to the person's code in it (one code each; exploitation: their single form), and
 *              {@link #AGE} their exact age
 */
record KnownTarget(int id, Map<String, String> codes) {

    static final String COUNTRY = "country_of_identification";
    static final String CITIZENSHIP = "citizenship";
    static final String YEAR = "year";
    /** Exact age in years: a column of the microdata, not a dimension of the tables. */
    static final String AGE = "age";

    KnownTarget {
        codes = Map.copyOf(codes);
        Objects.requireNonNull(codes.get(COUNTRY), "country");
        Objects.requireNonNull(codes.get(CITIZENSHIP), "citizenship");
        Objects.requireNonNull(codes.get(YEAR), "year");
    }

    String code(String dimension) {
        String code = codes.get(dimension);
        if (code == null) {
            throw new IllegalArgumentException("no code for " + dimension);
        }
        return code;
    }

    String country() {
        return codes.get(COUNTRY);
    }

    /** The rare code: no one else identified in the target's country has this citizenship. */
    String citizenship() {
        return codes.get(CITIZENSHIP);
    }

    String year() {
        return codes.get(YEAR);
    }
}
