package org.tipx.api.http;

import io.helidon.common.uri.UriQuery;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.tipx.anonymizer.cellkey.ProtectionParameters;
import org.tipx.api.domain.Dimension;
import org.tipx.api.domain.PublishedRelease;
import org.tipx.api.domain.PublishedReleases;
import org.tipx.api.format.ComparisonCsv;
import org.tipx.api.format.Labels;
import org.tipx.api.format.Language;
import org.tipx.api.http.model.Comparison;
import org.tipx.api.http.model.ComparisonPoint;
import org.tipx.api.http.model.ComparisonProtection;
import org.tipx.api.http.model.ComparisonSeries;
import org.tipx.api.http.model.ComparisonTrend;
import org.tipx.api.http.model.CountryComparison;
import org.tipx.api.http.model.YearOnYearChange;
import org.tipx.api.reference.ReferenceData;
import org.tipx.api.statistics.ComparisonQuery;
import org.tipx.api.statistics.Comparisons;
import org.tipx.api.statistics.Indicator;
import org.tipx.api.statistics.PoissonTrend;
import org.tipx.api.statistics.QueryRuleException;
import org.tipx.api.statistics.RatePoint;
import org.tipx.api.statistics.TableSource;

/**
 * The Comparisons tag of the spec: {@code GET /v1/comparisons}, public. Parses and checks the
 * parameters (a 400 names the bad one), answers from the pinned or latest release through
 * {@link Comparisons}, as JSON or CSV, with an {@code ETag} over the body and the release in the
 * {@code Tipx-Release} header. Thread-safe.
 */
public final class ComparisonsServiceImpl extends ComparisonsService {

    /** The parameters of {@code GET /v1/comparisons}, as the spec defines them. */
    private static final List<String> PARAMETERS = List.of("indicator", "countries", "from", "to", "by", "release",
            "format", LanguageNegotiation.LANG);
    /** The response header naming the release an answer comes from. */
    public static final HeaderName RELEASE_HEADER = HeaderNames.create("Tipx-Release");
    /** The CSV answers' media type (the profile's too). */
    static final String CSV_MEDIA_TYPE = "text/csv; charset=UTF-8";

    private final PublishedReleases releases;
    private final ReferenceData reference;
    private final Map<Language, Labels> labels;
    private final Comparisons comparisons;

    /** @param labels the country names in every language */
    public ComparisonsServiceImpl(PublishedReleases releases, TableSource tables, ReferenceData reference,
                                  Map<Language, Labels> labels) {
        this.releases = Objects.requireNonNull(releases, "releases");
        this.reference = Objects.requireNonNull(reference, "reference");
        this.labels = Map.copyOf(labels);
        this.comparisons = new Comparisons(releases, Objects.requireNonNull(tables, "tables"), reference);
    }

    @Override
    protected void handleGetComparison(ServerRequest request, ServerResponse response, String indicatorText,
                                       String countriesText, Optional<String> fromText, Optional<String> toText,
                                       Optional<String> byText, Optional<String> releaseText, Optional<String> formatText,
                                       Optional<String> lang, Optional<String> acceptLanguage) {
        QueryParameters.refuseUnknownOrRepeated(request.query(), PARAMETERS);
        Language language = LanguageNegotiation.choose(lang, acceptLanguage);
        Indicator indicator = Indicator.byId(indicatorText.trim()).orElseThrow(() -> ProblemException.badRequest(
                "Parameter indicator: unknown indicator; use one of " + indicatorIds() + ".").about("indicator"));
        List<String> countries = parseCountries(countriesText);
        OptionalInt from = parseYear("from", fromText);
        OptionalInt to = parseYear("to", toText);
        Optional<Dimension> by = parseBy(byText);
        boolean csv = parseCsv(formatText);
        ComparisonQuery query;
        try {
            query = new ComparisonQuery(indicator, countries, from, to, by);
        } catch (IllegalArgumentException e) {
            // The query's messages quote only numbers, indicator and dimension ids, never free client text.
            if (by.isPresent() && indicator.share()) {
                throw ProblemException.badRequest("Parameter by: " + e.getMessage() + "; a share indicator is "
                        + "broken down by its own categories (GET /v1/indicators).").about("by");
            }
            throw ProblemException.badRequest("Parameters from and to: " + e.getMessage() + ".").about("to");
        }
        String releaseId = releaseText.map(String::trim).filter(s -> !s.isEmpty()).orElse(PublishedReleases.LATEST);
        PublishedRelease release = releases.find(releaseId).orElseThrow(() -> releaseId.equals(PublishedReleases.LATEST)
                ? ProblemException.notFound("No release has been published yet.")
                : ProblemException.notFound("Parameter release: no such release; GET /v1/releases lists them.")
                        .about("release"));
        org.tipx.api.statistics.Comparison comparison;
        try {
            comparison = comparisons.compare(release, query);
        } catch (QueryRuleException e) {
            // The rule's message says which rule and why and never quotes a true count.
            throw ProblemException.badRequest("The comparison's table is refused: " + e.getMessage() + ".");
        } catch (NoSuchElementException e) {
            throw ProblemException.notFound("Parameter release: the release is no longer available.").about("release");
        }
        byte[] body;
        String mediaType;
        if (csv) {
            body = ComparisonCsv.write(comparison).getBytes(StandardCharsets.UTF_8);
            mediaType = CSV_MEDIA_TYPE;
        } else {
            body = Json.bytes(toModel(comparison, labels.get(language)));
            mediaType = Json.MEDIA_TYPE;
        }
        response.header(RELEASE_HEADER, release.id());
        LanguageNegotiation.contentLanguage(response, language);
        // The ETag hashes the body, so the country names (the only labels here) make it differ by language.
        HttpCaching.send(request, response, mediaType, body, HttpCaching.Policy.forRelease(releaseId),
                List.of(LanguageNegotiation.ACCEPT_LANGUAGE));
    }

    @Override
    public void afterStop() {
        // The generated default prints to standard output.
    }

    private List<String> parseCountries(String text) {
        Set<String> codes = new LinkedHashSet<>();
        String[] parts = text.split(",", -1);
        for (int i = 0; i < parts.length; i++) {
            String code = parts[i].trim().toUpperCase(Locale.ROOT);
            // Errors point at the item by position rather than echo client text.
            if (code.isEmpty()) {
                throw ProblemException.badRequest("Parameter countries: item " + (i + 1) + " is empty; list ISO 3166-1 "
                        + "alpha-2 codes separated by commas, e.g. UA,MD,BY.").about("countries");
            }
            if (!code.matches("[A-Z]{2}") || !reference.countries().isKnown(code)) {
                throw ProblemException.badRequest("Parameter countries: item " + (i + 1)
                        + " is not an ISO 3166-1 alpha-2 country code.").about("countries");
            }
            codes.add(code);
        }
        if (codes.size() > ComparisonQuery.MAX_COUNTRIES) {
            throw ProblemException.badRequest("Parameter countries: at most " + ComparisonQuery.MAX_COUNTRIES
                    + " countries per comparison, got " + codes.size() + ".").about("countries");
        }
        return List.copyOf(codes);
    }

    private static OptionalInt parseYear(String name, Optional<String> text) {
        if (text.isEmpty() || text.get().isBlank()) {
            return OptionalInt.empty();
        }
        String year = text.get().trim();
        if (!year.matches("[0-9]{4}")) {
            throw ProblemException.badRequest("Parameter " + name + ": a year has four digits.").about(name);
        }
        int value = Integer.parseInt(year);
        if (value < ComparisonQuery.MIN_YEAR || value > ComparisonQuery.MAX_YEAR) {
            throw ProblemException.badRequest("Parameter " + name + ": a year from " + ComparisonQuery.MIN_YEAR
                    + " to " + ComparisonQuery.MAX_YEAR + ", was " + value + ".").about(name);
        }
        return OptionalInt.of(value);
    }

    private static Optional<Dimension> parseBy(Optional<String> text) {
        if (text.isEmpty() || text.get().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(Dimension.byId(text.get().trim())
                .filter(ComparisonQuery.BREAKDOWNS::contains)
                .orElseThrow(() -> ProblemException.badRequest(
                        "Parameter by: a comparison can be broken down by sex, age_band or exploitation.").about("by")));
    }

    private static boolean parseCsv(Optional<String> text) {
        String format = text.map(String::trim).filter(s -> !s.isEmpty()).orElse("json");
        return switch (format) {
            case "json" -> false;
            case "csv" -> true;
            default -> throw ProblemException.badRequest("Parameter format: json or csv.").about("format");
        };
    }

    private static String indicatorIds() {
        List<String> ids = new ArrayList<>();
        for (Indicator indicator : Indicator.values()) {
            ids.add(indicator.id());
        }
        return String.join(", ", ids);
    }

    static Comparison toModel(org.tipx.api.statistics.Comparison comparison, Labels labels) {
        Comparison model = new Comparison();
        model.setRelease(comparison.release().id());
        model.setIndicator(comparison.query().indicator().id());
        model.setMeasure(Comparison.MeasureEnum.fromValue(comparison.query().indicator().measure().name().toLowerCase(Locale.ROOT)));
        comparison.query().breakdown().ifPresent(d -> model.setBy(d.id()));
        comparison.from().ifPresent(model::setFrom);
        comparison.to().ifPresent(model::setTo);
        ProtectionParameters protection = comparison.release().protection();
        ComparisonProtection parameters = new ComparisonProtection();
        parameters.setMaxPerturbation(protection.ptable().maxPerturbation());
        parameters.setVariance(protection.ptable().variance());
        parameters.setThreshold(protection.threshold());
        model.setProtection(parameters);
        List<CountryComparison> countries = new ArrayList<>();
        for (org.tipx.api.statistics.Comparison.CountrySeries country : comparison.countries()) {
            CountryComparison item = new CountryComparison();
            item.setCountry(country.country().iso2());
            item.setName(labels.label(Dimension.COUNTRY_OF_IDENTIFICATION, country.country().iso2()));
            boolean perPopulation = comparison.query().indicator().perPopulation();
            item.setSeries(country.series().stream().map(series -> toModel(series, perPopulation)).toList());
            countries.add(item);
        }
        model.setCountries(countries);
        model.setNotes(notes(comparison));
        return model;
    }

    static ComparisonSeries toModel(org.tipx.api.statistics.Comparison.Series series, boolean perPopulation) {
        ComparisonSeries model = new ComparisonSeries();
        model.setCategory(series.category());
        List<ComparisonPoint> points = new ArrayList<>();
        for (org.tipx.api.statistics.Comparison.Point point : series.points()) {
            RatePoint rate = point.rate();
            ComparisonPoint item = new ComparisonPoint();
            item.setYear(rate.year());
            rate.count().ifPresent(item::setCount);
            rate.population().ifPresent(item::setPopulation);
            rate.ratePer100k().ifPresent(item::setRatePer100k);
            point.share().ifPresent(item::setShare);
            item.setObsStatus(point.cell().obsStatus().code());
            item.setConfStatus(point.cell().confStatus().code());
            point.reportingAgencies().ifPresent(item::setReportingAgencies);
            point.rate95().ifPresent(interval -> {
                item.setRateLower95(interval.lower());
                item.setRateUpper95(interval.upper());
            });
            point.share95().ifPresent(interval -> {
                item.setShareLower95(interval.lower());
                item.setShareUpper95(interval.upper());
            });
            item.setFlags(rate.flags().stream().map(f -> ComparisonPoint.FlagsEnum.fromValue(f.name())).toList());
            points.add(item);
        }
        model.setPoints(points);
        List<YearOnYearChange> changes = new ArrayList<>();
        for (org.tipx.api.statistics.Comparison.YearChange change : series.changes()) {
            YearOnYearChange item = new YearOnYearChange();
            item.setFromYear(change.count().fromYear());
            item.setToYear(change.count().toYear());
            item.setPartialPeriod(change.partialPeriod());
            change.count().absolute().ifPresent(item::setAbsolute);
            change.count().relative().ifPresent(item::setRelative);
            change.rateRelative().ifPresent(item::setRateRelative);
            changes.add(item);
        }
        model.setChanges(changes);
        series.trend().ifPresent(trend -> model.setTrend(toModel(trend, series, perPopulation)));
        series.trendNote().ifPresent(model::setTrendNote);
        return model;
    }

    private static ComparisonTrend toModel(PoissonTrend.Trend trend, org.tipx.api.statistics.Comparison.Series series,
                                           boolean perPopulation) {
        ComparisonTrend model = new ComparisonTrend();
        model.setOf(perPopulation ? ComparisonTrend.OfEnum.RATE : ComparisonTrend.OfEnum.COUNT);
        model.setAnnualChange(trend.annualChange());
        model.setLower95(trend.lower95());
        model.setUpper95(trend.upper95());
        model.setYears(trend.years());
        model.setConverged(trend.converged());
        model.setPearsonDispersion(trend.pearsonDispersion());
        model.setDispersion(trend.dispersion());
        model.setOverdispersed(trend.overdispersed());
        model.setCoverageChanged(series.trendCoverageChanged());
        return model;
    }

    /** How to read the answer; the same notes as docs/comparisons.md. */
    static List<String> notes(org.tipx.api.statistics.Comparison comparison) {
        ProtectionParameters protection = comparison.release().protection();
        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, "Counts are perturbed by the cell key method (each published count "
                        + "differs from the true one by at most %d, variance %s) and counts below %d are withheld; "
                        + "rates, shares, changes and trends are computed from these protected counts only.",
                protection.ptable().maxPerturbation(), trim(protection.ptable().variance()), protection.threshold()));
        notes.add("A withheld count (flag WITHHELD, OBS_STATUS Q) is not zero: it has no rate, no share and no change, "
                + "and the trend leaves its year out. A year without population has no rate (flag NO_DENOMINATOR); "
                + "POPULATION_PROJECTED marks a rate whose population is the UN World Population Prospects 2024 "
                + "projection (medium variant) for a year after the observed World Bank series ends: a series break, "
                + "so compare it with observed years with care; POPULATION_CARRIED_FORWARD marks a rate whose "
                + "population is the last observed year's, where there is no projection either.");
        notes.add("COVERAGE_CHANGED marks a year whose set of reporting agencies differs from the previous reported "
                + "year's: a jump there may be a jump in reporting, not in trafficking.");
        notes.add("PARTIAL_PERIOD marks a year in which an agency has not reported all four quarters: its count covers "
                + "part of the year, so it has no change to or from another year and the trend leaves it out.");
        notes.add("Intervals are 95 %: those of rates and shares include the cell key noise (variance V) besides "
                + "chance variation; the trend is a quasi-Poisson log-linear regression ("
                + (comparison.query().indicator().perPopulation()
                ? "of the rate, with log population as offset" : "of the count")
                + ") whose interval is widened by the estimated dispersion (at least 1), which rate intervals use too.");
        if (comparison.query().breakdown().isPresent() || comparison.query().indicator().group().isPresent()) {
            notes.add("Shares are a category's protected count over the protected country-year total; each is "
                    + "perturbed on its own, so parts need not add up to the total.");
        }
        if (comparison.query().breakdown().filter(d -> d == Dimension.EXPLOITATION).isPresent()) {
            notes.add("A person with several forms of exploitation counts in each, so the shares of the forms can "
                    + "add up to more than 1.");
        }
        if (comparison.query().breakdown().filter(d -> d == Dimension.ASSISTANCE).isPresent()) {
            notes.add("A person who received several forms of assistance counts in each, so the shares of the forms "
                    + "can add up to more than 1; the category any counts each person who received at least one form "
                    + "once, from its own protected table.");
        }
        comparison.query().indicator().group().filter(g -> g != Indicator.Group.ANY_ASSISTANCE).ifPresent(g ->
                notes.add("The category " + g.category() + " is the protected count of a table filtered to every "
                        + "country but the country of identification (" + g.dimension().id() + "); unknown values are "
                        + "not counted in it but are in the total."));
        return notes;
    }

    static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

}
