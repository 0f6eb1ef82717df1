package org.tipx.api.sample;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tipx.api.sample.NamePools.Name;

/**
 * A fictional person as the generator knows them. What is the same in every agency's report
 * (identifiers, sex, birth date, citizenship, exploitation) lives here; what each agency records
 * differently is drawn per row.
 *
 * @param givenName          empty when no agency learns the person's name
 * @param familyName         empty together with {@code givenName}
 * @param birthDate          always known to the generator (ages derive from it)
 * @param birthDateReported  whether agencies write {@code birth_date}
 * @param documentNumber     fictional format {@code SYN} + 7 digits, when the person showed a document
 * @param sex                {@code female}, {@code male} or {@code other}
 * @param exploitation       contract codes, possibly empty (not recorded)
 */
record SamplePerson(
        Optional<Name> givenName,
        Optional<Name> familyName,
        LocalDate birthDate,
        boolean birthDateReported,
        Optional<String> documentNumber,
        String sex,
        String citizenship,
        List<String> exploitation,
        String countryOfExploitation) {

    SamplePerson {
        if (givenName.isPresent() != familyName.isPresent()) {
            throw new IllegalArgumentException("a sample person has both names or neither");
        }
        exploitation = List.copyOf(exploitation);
    }

    /** True when the person's direct identifiers are present and could link two reports. */
    boolean identifiable() {
        return givenName.isPresent();
    }

    /**
     * The identifiers as written in Latin script, the same for every agency that reports this person:
     * two persons with the same key would be linked as one, so the generator keeps keys unique.
     */
    String identityKey() {
        return String.join("|",
                givenName.map(Name::latin).orElse(""),
                familyName.map(Name::latin).orElse(""),
                birthDateReported ? birthDate.toString() : "",
                documentNumber.orElse("")).toLowerCase(Locale.ROOT);
    }
}
