package org.tipx.api.release;

import org.tipx.anonymizer.cellkey.PTable;
import org.tipx.api.domain.CaseRecord;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;

/** Seeded case records for release tests: few distinct values, so that k = 11 is reachable on a few hundred persons. */
public final class People {

    private static final List<String> SEX = List.of("female", "female", "male", "unknown");
    private static final List<String> CITIZENSHIP = List.of("UA", "UA", "MD", "NG", "RO");
    private static final List<String> EXPLOITATION = List.of("sexual", "forced_labour", "forced_begging");
    private static final List<String> IDENTIFIED_BY = List.of("police", "ngo", "hotline");

    private People() {
    }

    /** A record of the person {@code pseudonym} registered in {@code year}, other fields drawn from {@code random}. */
    public static CaseRecord record(String pseudonym, int year, String country, Random random) {
        boolean ageKnown = random.nextInt(10) > 0;
        int age = 14 + random.nextInt(40);
        return new CaseRecord(pseudonym, true, Math.floorMod(pseudonym.hashCode(), PTable.KEY_SPACE), year,
                Optional.of(LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28))),
                random.nextBoolean() ? "confirmed" : "presumed",
                random.nextInt(4) == 0 ? Optional.empty() : Optional.of(pick(IDENTIFIED_BY, random)),
                pick(SEX, random),
                ageKnown ? OptionalInt.of(age) : OptionalInt.empty(),
                ageKnown ? Optional.of(band(age)) : Optional.empty(),
                Optional.empty(),
                random.nextInt(8) == 0 ? Optional.empty() : Optional.of(pick(CITIZENSHIP, random)),
                country,
                Optional.of(country),
                random.nextInt(10) == 0 ? List.of() : List.of(pick(EXPLOITATION, random)),
                List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** The same record, identified by another kind of agency. */
    public static CaseRecord identifiedBy(CaseRecord r, String kind) {
        return new CaseRecord(r.pseudonym(), r.linked(), r.recordKey(), r.registrationYear(), r.registrationDate(),
                r.status(), Optional.of(kind), r.sex(), r.age(), r.ageBand(), r.minorAtExploitation(), r.citizenship(),
                r.countryOfIdentification(), r.countryOfExploitation(), r.exploitation(), r.labourSector(),
                r.sexualExploitationType(), r.meansOfControl(), r.recruiterRelation(), r.assistance());
    }

    private static String pick(List<String> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }

    private static String band(int age) {
        if (age <= 17) {
            return "9-17";
        }
        if (age <= 20) {
            return "18-20";
        }
        if (age <= 29) {
            return age <= 23 ? "21-23" : age <= 26 ? "24-26" : "27-29";
        }
        return age <= 38 ? "30-38" : age <= 47 ? "39-47" : "48+";
    }
}
