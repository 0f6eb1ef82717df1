package org.tipx.api.sample;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.tipx.api.sample.NamePools.Name;
import org.tipx.api.sample.NamePools.Pool;

/**
 * Draws fictional persons and the extract rows that agencies write about them. Shares of sex, age
 * group, form of exploitation and citizenship come from the GLOTIP-derived {@link SyntheticProfile};
 * the other proportions below are the generator's own assumptions, listed in
 * datasets/synthetic/PROVENANCE.md. Stateless apart from the profile: all randomness is passed in.
 */
final class CaseRowGenerator {

    /** Agencies here write names in Cyrillic where the person's name has a Cyrillic form. */
    static final Set<String> CYRILLIC_COUNTRIES = Set.of("UA", "MD");
    /** The M49 area whose sex/age and form shares are used: Europe, where all sample agencies sit. */
    private static final String PROFILE_AREA = "150";
    /** Destination countries of the sample, for nationals detected at home but exploited abroad. */
    private static final List<String> DESTINATIONS = List.of("PL", "DE", "NL");
    /** CTDC's age bands, as the contract lists them, with the oldest age of each but the last. */
    private static final List<String> AGE_BANDS = List.of("0-8", "9-17", "18-20", "21-23", "24-26", "27-29", "30-38",
            "39-47", "48+");
    private static final int[] AGE_BAND_OLDEST = {8, 17, 20, 23, 26, 29, 38, 47};


    // "Other forms of exploitation" in GLOTIP, split into the contract's codes (assumption).
    private static final Weighted<String> OTHER_FORMS = Weighted.of("forced_criminality", 30, "forced_begging", 20,
            "forced_marriage", 15, "servitude", 15, "other", 12, "child_labour", 5, "organ_removal", 2,
            "forced_military", 1);
    private static final Weighted<String> LABOUR_SECTORS = Weighted.of("A", 20, "F", 20, "C", 18, "T", 15, "I", 12,
            "G", 5, "H", 5, "N", 5);
    private static final Weighted<String> SEXUAL_TYPES = Weighted.of("prostitution", 70, "remote_interactive", 12,
            "pornography", 10, "private_sexual_services", 8);
    /** Young children are more often recorded for abuse material than for prostitution (assumption). */
    private static final Weighted<String> SEXUAL_TYPES_CHILD = Weighted.of("pornography", 50, "remote_interactive", 30,
            "prostitution", 20);
    private static final Weighted<String> MEANS_OF_CONTROL = Weighted.of("false_promises", 20, "threats", 15,
            "takes_earnings", 12, "psychological_abuse", 10, "withholds_documents", 9, "debt_bondage", 8,
            "restricts_movement", 7, "physical_abuse", 6, "excessive_working_hours", 5, "sexual_abuse", 3,
            "restricts_financial_access", 2, "threat_of_law_enforcement", 2, "psychoactive_substances", 1,
            "withholds_necessities", 1, "restricts_medical_care", 1, "uses_children", 1, "other", 1);
    private static final Weighted<String> RECRUITER = Weighted.of("other", 40, "friend", 25, "intimate_partner", 15,
            "family", 10, "unknown", 10);
    private static final Weighted<String> KNOWN_RECRUITERS = Weighted.of("other", 40, "friend", 25,
            "intimate_partner", 15, "family", 10);
    private static final Weighted<String> SERVICES = Weighted.of("shelter", 25, "psychological", 20, "medical", 18,
            "legal", 15, "return", 8, "reintegration", 8, "financial", 6);
    private static final Weighted<String> NO_SERVICE = Weighted.of("declined", 50, "none", 30, "unknown", 20);
    private static final Weighted<String> AGE_BANDS_ADULT = Weighted.of("18-24", 35, "25-34", 35, "35-49", 22, "50-64", 8);
    private static final Map<String, Weighted<String>> IDENTIFIED_BY = Map.of(
            "police", Weighted.of("police", 80, "border_migration", 8, "hotline", 7, "other", 3, "unknown", 2),
            "ngo", Weighted.of("ngo", 60, "hotline", 15, "self_referral", 15, "police", 8, "unknown", 2),
            "social_services", Weighted.of("social_services", 60, "ngo", 15, "police", 15, "self_referral", 8, "other", 2),
            "international_org", Weighted.of("international_org", 55, "ngo", 20, "police", 15, "prosecution_court", 10),
            "labour_inspection", Weighted.of("labour_inspection", 85, "police", 10, "other", 5));
    private static final Map<String, Double> ASSISTANCE_RECORDED = Map.of(
            "police", 0.3, "ngo", 0.85, "social_services", 0.85, "international_org", 0.8, "labour_inspection", 0.2);
    private static final Map<String, Double> CONFIRMED = Map.of(
            "police", 0.45, "ngo", 0.3, "social_services", 0.35, "international_org", 0.5, "labour_inspection", 0.4);

    private final SyntheticProfile profile;

    CaseRowGenerator(SyntheticProfile profile) {
        this.profile = profile;
    }

    /** How a person's direct identifiers are recorded. */
    enum Identifiers {
        /** Reported by two agencies: names and birth date always, a document in 60% of cases. */
        LINKABLE,
        /** Reported once: each identifier sometimes missing, 5% without any. */
        VARIED
    }

    /**
     * A person detected in {@code detectionCountry}, first registered on {@code firstRegistration}.
     *
     * @param citizenship            forced citizenship, else drawn from the detection country's profile;
     *                               a forced UA or MD citizenship gives the person a Cyrillic-script name
     * @param countryOfExploitation  forced country of exploitation, else derived from citizenship and detection
     */
    SamplePerson person(String detectionCountry, Optional<String> citizenship, Optional<String> countryOfExploitation,
                        LocalDate firstRegistration, Identifiers identifiers, RandomGenerator random) {
        String[] sexAge = profile.sexAge(PROFILE_AREA).draw(random).split(":");
        String sex = sexAge[0];
        boolean minor = sexAge[1].equals("minor");
        boolean female = sex.equals("female") || (sex.equals("other") && random.nextBoolean());
        int age = minor ? (random.nextDouble() < 0.6 ? 14 + random.nextInt(4) : 6 + random.nextInt(8)) : adultAge(random);
        LocalDate birthDate = firstRegistration.minusYears(age).minusDays(random.nextInt(365));
        String citizen = citizenship.orElseGet(() -> profile.citizenship(detectionCountry).draw(random));
        String exploitedIn = countryOfExploitation.orElseGet(() -> exploitationCountry(detectionCountry, citizen, random));

        boolean named = identifiers == Identifiers.LINKABLE || random.nextDouble() < 0.95;
        // A forced UA/MD citizenship means a pair reported in Cyrillic and in Latin script.
        Pool pool = namePool(citizen, citizenship.filter(CYRILLIC_COUNTRIES::contains).isPresent(), random);
        Optional<Name> given = named ? Optional.of(NamePools.given(pool, female, random)) : Optional.empty();
        Optional<Name> family = named ? Optional.of(NamePools.family(pool, female, random)) : Optional.empty();
        boolean birthDateReported = identifiers == Identifiers.LINKABLE || (named && random.nextDouble() < 0.75);
        double documentShare = identifiers == Identifiers.LINKABLE ? 0.6 : 0.45;
        Optional<String> document = named && random.nextDouble() < documentShare
                ? Optional.of(String.format(Locale.ROOT, "SYN%07d", random.nextInt(10_000_000)))
                : Optional.empty();
        return new SamplePerson(given, family, birthDate, birthDateReported, document, sex, citizen,
                exploitation(sex + ":" + sexAge[1], minor, random), exploitedIn);
    }

    /** Moldovan citizens of the Ukrainian minority carry Cyrillic names; cross-script pairs need them. */
    private static Pool namePool(String citizenship, boolean needsCyrillic, RandomGenerator random) {
        if (citizenship.equals("UA") || needsCyrillic || (citizenship.equals("MD") && random.nextDouble() < 0.3)) {
            return NamePools.UKRAINIAN;
        }
        return NamePools.forCitizenship(citizenship);
    }

    private static int adultAge(RandomGenerator random) {
        String[] band = AGE_BANDS_ADULT.draw(random).split("-");
        int low = Integer.parseInt(band[0]);
        return low + random.nextInt(Integer.parseInt(band[1]) - low + 1);
    }

    private String exploitationCountry(String detection, String citizenship, RandomGenerator random) {
        if (!citizenship.equals(detection)) {
            return random.nextDouble() < 0.9 ? detection : "XX";
        }
        if (!CYRILLIC_COUNTRIES.contains(detection) || random.nextDouble() < 0.4) {
            return detection;
        }
        // Nationals of the origin countries exploited abroad go where the profile finds their citizens.
        Map<String, Double> weights = new LinkedHashMap<>();
        for (String destination : DESTINATIONS) {
            weights.put(destination, profile.citizenship(destination).weightOf(detection));
        }
        return weights.values().stream().mapToDouble(Double::doubleValue).sum() > 0
                ? Weighted.of(weights).draw(random) : detection;
    }

    private List<String> exploitation(String sexAgeGroup, boolean minor, RandomGenerator random) {
        if (random.nextDouble() < 0.05) {
            return List.of();
        }
        String form = profile.exploitation(PROFILE_AREA, sexAgeGroup).draw(random);
        String code = form.equals("other") ? otherForm(minor, random) : form;
        List<String> codes = new ArrayList<>(List.of(code));
        if (random.nextDouble() < 0.06) {
            String second = code.equals("sexual") ? "forced_labour" : code.equals("forced_labour") ? "forced_criminality" : "sexual";
            codes.add(second);
        }
        return codes;
    }

    private static String otherForm(boolean minor, RandomGenerator random) {
        String code = OTHER_FORMS.draw(random);
        return code.equals("child_labour") && !minor ? "forced_labour" : code;
    }

    /** The row {@code agency} writes about {@code person}, registered on {@code registration}. */
    SampleRow row(SamplePerson person, SampleAgency agency, String recordId, LocalDate registration, RandomGenerator random) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("record_id", recordId);
        if (random.nextDouble() < 0.92) {
            v.put("registration_date", registration.toString());
        } else {
            v.put("registration_year", registration.getYear());
        }
        v.put("status", random.nextDouble() < CONFIRMED.get(agency.type()) ? "confirmed" : "presumed");
        maybe(v, "identified_by", 0.75, random, () -> IDENTIFIED_BY.get(agency.type()).draw(random));

        boolean cyrillic = CYRILLIC_COUNTRIES.contains(agency.country());
        person.givenName().ifPresent(n -> v.put("given_name", n.written(cyrillic)));
        person.familyName().ifPresent(n -> v.put("family_name", n.written(cyrillic)));
        if (person.birthDateReported()) {
            v.put("birth_date", person.birthDate().toString());
        }
        person.documentNumber().ifPresent(d -> v.put("document_number", d));

        v.put("sex", random.nextDouble() < 0.02 ? "unknown" : person.sex());
        int age = (int) ChronoUnit.YEARS.between(person.birthDate(), registration);
        double ageRecording = random.nextDouble();
        if (ageRecording < 0.70) {
            v.put("age", age);
        } else if (ageRecording < 0.85) {
            v.put("age_band", ageBand(age));
        }
        maybe(v, "minor_at_exploitation", 0.6, random, () -> minorAtExploitation(age, random));

        double citizenshipRecording = random.nextDouble();
        if (citizenshipRecording < 0.9) {
            v.put("citizenship", person.citizenship());
        } else if (citizenshipRecording < 0.93) {
            v.put("citizenship", "XX");
        }
        maybe(v, "country_of_identification", 0.5, random, agency::country);
        maybe(v, "country_of_exploitation", 0.7, random, person::countryOfExploitation);

        List<String> forms = person.exploitation();
        if (!forms.isEmpty()) {
            v.put("exploitation", forms);
        }
        if (forms.contains("forced_labour") && random.nextDouble() < 0.75) {
            v.put("labour_sector", LABOUR_SECTORS.drawDistinct(random, random.nextDouble() < 0.1 ? 2 : 1));
        }
        if (forms.contains("sexual") && random.nextDouble() < 0.6) {
            Weighted<String> types = age < 14 ? SEXUAL_TYPES_CHILD : SEXUAL_TYPES;
            v.put("sexual_exploitation_type", types.drawDistinct(random, random.nextDouble() < 0.1 ? 2 : 1));
        }
        maybe(v, "means_of_control", 0.65, random, () -> MEANS_OF_CONTROL.drawDistinct(random, 4));
        maybe(v, "recruiter_relation", 0.4, random, () -> random.nextDouble() < 0.08
                ? KNOWN_RECRUITERS.drawDistinct(random, 2) : List.of(RECRUITER.draw(random)));
        maybe(v, "assistance", ASSISTANCE_RECORDED.get(agency.type()), random,
                () -> random.nextDouble() < 0.1 ? List.of(NO_SERVICE.draw(random)) : SERVICES.drawDistinct(random, 3));
        return new SampleRow(v);
    }

    private static void maybe(Map<String, Object> row, String field, double probability, RandomGenerator random,
                              Supplier<Object> value) {
        if (random.nextDouble() < probability) {
            row.put(field, value.get());
        }
    }

    private static String minorAtExploitation(int ageAtRegistration, RandomGenerator random) {
        if (random.nextDouble() < 0.05) {
            return "unknown";
        }
        // Exploitation often began a year or two before registration.
        return ageAtRegistration < 18 || (ageAtRegistration <= 19 && random.nextDouble() < 0.4) ? "yes" : "no";
    }

    /** The CTDC age band of an age. */
    static String ageBand(int age) {
        for (int i = 0; i < AGE_BAND_OLDEST.length; i++) {
            if (age <= AGE_BAND_OLDEST[i]) {
                return AGE_BANDS.get(i);
            }
        }
        return AGE_BANDS.get(AGE_BANDS.size() - 1);
    }
}
