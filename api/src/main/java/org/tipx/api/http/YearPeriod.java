package org.tipx.api.http;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The years of a table asked for as a period, with SDMX's names: {@code startPeriod},
 * {@code endPeriod} (registration years, {@code YYYY}) and {@code lastNObservations} (the last N
 * years the release lists). It resolves to a set of years, which the table then filters on exactly
 * as if they had been listed in {@code year=}: a period gives no table that a list of years could
 * not, so it opens no new way to difference cells.
 *
 * <p>"The years the release lists" are those whose release-wide count is published (the rows of the
 * protected one-way table by year), so resolving a period reveals nothing that table does not.
 *
 * @param start first year, if given
 * @param end   last year, if given
 * @param lastN how many of the last listed years, if given
 */
record YearPeriod(OptionalInt start, OptionalInt end, OptionalInt lastN) {

    static final String START = "startPeriod";
    static final String END = "endPeriod";
    static final String LAST_N = "lastNObservations";
    /** Most years a period can span, and most years {@code lastNObservations} can ask for. */
    static final int MAX_YEARS = 100;

    YearPeriod {
        if (start.isPresent() && end.isPresent() && end.getAsInt() < start.getAsInt()) {
            throw ProblemException.badRequest("endPeriod is before startPeriod.").about(END);
        }
        if (start.isPresent() && end.isPresent() && end.getAsInt() - start.getAsInt() >= MAX_YEARS) {
            throw ProblemException.badRequest("A period spans at most " + MAX_YEARS + " years.").about(END);
        }
        if (lastN.isPresent() && (lastN.getAsInt() < 1 || lastN.getAsInt() > MAX_YEARS)) {
            throw ProblemException.badRequest("lastNObservations must be a whole number from 1 to " + MAX_YEARS + ".")
                    .about(LAST_N);
        }
    }

    /** The period of a request, if it names one; every value is checked, none is quoted back. */
    static Optional<YearPeriod> parse(Optional<String> start, Optional<String> end, Optional<String> lastN) {
        if (start.isEmpty() && end.isEmpty() && lastN.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new YearPeriod(year(START, start), year(END, end), count(lastN)));
    }

    /** True when only the release can say which years the period holds. */
    boolean needsListedYears() {
        return lastN.isPresent() || start.isEmpty() || end.isEmpty();
    }

    /**
     * The years of the period, or {@code asked} (a {@code year=} filter) when it lies wholly in it.
     *
     * @param asked  the {@code year=} filter, if any
     * @param listed the years the release lists, ascending; asked for only when needed
     * @throws ProblemException naming the period's parameter that the years contradict, or that
     *                          leaves no year
     */
    Set<String> years(Optional<Set<String>> asked, Supplier<List<Integer>> listed) {
        List<Integer> release = needsListedYears() ? listed.get() : List.of();
        if (needsListedYears() && release.isEmpty() && (start.isEmpty() || end.isEmpty())) {
            throw ProblemException.badRequest("The release lists no year, so the period has no bound.")
                    .about(start.isEmpty() ? START : END);
        }
        int first = start.orElseGet(() -> release.getFirst());
        int last = end.orElseGet(() -> release.getLast());
        if (first > last) {
            throw ProblemException.badRequest("The period holds no year of the release.")
                    .about(start.isPresent() ? START : END);
        }
        if (last - first >= MAX_YEARS) {
            throw ProblemException.badRequest("A period spans at most " + MAX_YEARS + " years.")
                    .about(start.isPresent() ? START : END);
        }
        Set<Integer> years = new TreeSet<>();
        if (lastN.isPresent()) {
            List<Integer> inPeriod = release.stream().filter(y -> y >= first && y <= last).toList();
            if (inPeriod.isEmpty()) {
                throw ProblemException.badRequest("No year the release lists lies in the period.").about(LAST_N);
            }
            years.addAll(inPeriod.subList(Math.max(0, inPeriod.size() - lastN.getAsInt()), inPeriod.size()));
        } else {
            for (int year = first; year <= last; year++) {
                years.add(year);
            }
        }
        if (asked.isPresent()) {
            for (String code : asked.get()) {
                int year = Integer.parseInt(code);
                if (year < first) {
                    throw outside(start.isPresent() ? START : LAST_N);
                }
                if (year > last) {
                    throw outside(end.isPresent() ? END : LAST_N);
                }
                if (!years.contains(year)) {
                    throw outside(LAST_N);
                }
            }
            return asked.get();
        }
        Set<String> codes = new LinkedHashSet<>();
        years.forEach(year -> codes.add(Integer.toString(year)));
        return codes;
    }

    private static ProblemException outside(String parameter) {
        return ProblemException.badRequest("A year of the year filter lies outside the period; give one or the other, "
                + "or a period that holds every listed year.").about(parameter);
    }

    private static OptionalInt year(String name, Optional<String> value) {
        if (value.isEmpty()) {
            return OptionalInt.empty();
        }
        if (!value.get().matches("[0-9]{4}")) {
            throw ProblemException.badRequest(name + " must be a year, four digits (tipx's time dimension is the "
                    + "registration year).").about(name);
        }
        return OptionalInt.of(Integer.parseInt(value.get()));
    }

    private static OptionalInt count(Optional<String> value) {
        if (value.isEmpty()) {
            return OptionalInt.empty();
        }
        if (!value.get().matches("[0-9]{1,3}")) {
            throw ProblemException.badRequest("lastNObservations must be a whole number from 1 to " + MAX_YEARS + ".")
                    .about(LAST_N);
        }
        return OptionalInt.of(Integer.parseInt(value.get()));
    }
}
