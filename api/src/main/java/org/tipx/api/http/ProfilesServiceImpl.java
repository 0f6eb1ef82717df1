package org.tipx.api.http;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import org.tipx.anonymizer.cellkey.ProtectionParameters;
import org.tipx.api.domain.Dimension;
import org.tipx.api.domain.PublishedRelease;
import org.tipx.api.domain.PublishedReleases;
import org.tipx.api.format.Labels;
import org.tipx.api.format.Language;
import org.tipx.api.format.ProfileCsv;
import org.tipx.api.format.ProfileHtml;
import org.tipx.api.http.model.ComparisonProtection;
import org.tipx.api.http.model.ComparisonSeries;
import org.tipx.api.http.model.CountryProfile;
import org.tipx.api.http.model.ProfileIndicator;
import org.tipx.api.http.model.ProfileRegion;
import org.tipx.api.reference.Country;
import org.tipx.api.reference.ReferenceData;
import org.tipx.api.statistics.Comparison;
import org.tipx.api.statistics.Profile;
import org.tipx.api.statistics.Profiles;
import org.tipx.api.statistics.TableSource;

/**
 * The Profiles tag of the spec: {@code GET /v1/countries/{iso2}/profile}, public. Answers from the pinned or
 * latest release through {@link Profiles}, as JSON, CSV or a printable HTML page, with an {@code ETag} over the body and the release
 * in the {@code Tipx-Release} header, like {@code /v1/comparisons}. Thread-safe.
 */
public final class ProfilesServiceImpl extends ProfilesService {

    /** The printable page's media type. */
    static final String HTML_MEDIA_TYPE = "text/html; charset=utf-8";

    /** The query parameters of the operation, as the spec defines them (the country is in the path). */
    private static final List<String> PARAMETERS = List.of("release", "format", LanguageNegotiation.LANG);

    private final PublishedReleases releases;
    private final ReferenceData reference;
    private final Map<Language, Labels> labels;
    private final Profiles profiles;

    /** @param labels the country names in every language */
    public ProfilesServiceImpl(PublishedReleases releases, TableSource tables, ReferenceData reference,
                               Map<Language, Labels> labels) {
        this.releases = Objects.requireNonNull(releases, "releases");
        this.reference = Objects.requireNonNull(reference, "reference");
        this.labels = Map.copyOf(labels);
        this.profiles = new Profiles(releases, Objects.requireNonNull(tables, "tables"), reference);
    }

    @Override
    protected void handleGetCountryProfile(ServerRequest request, ServerResponse response, String iso2,
                                           Optional<String> releaseText, Optional<String> formatText,
                                           Optional<String> lang, Optional<String> acceptLanguage) {
        QueryParameters.refuseUnknownOrRepeated(request.query(), PARAMETERS);
        Language language = LanguageNegotiation.choose(lang, acceptLanguage);
        String code = iso2.trim().toUpperCase(Locale.ROOT);
        // The message never echoes the path: it is client text.
        Country country = Optional.of(code).filter(c -> c.matches("[A-Z]{2}"))
                .flatMap(c -> reference.countries().byIso2(c))
                .orElseThrow(() -> ProblemException.notFound(
                        "Parameter iso2: not an ISO 3166-1 alpha-2 country code.").about("iso2"));
        String format = parseFormat(formatText);
        String releaseId = releaseText.map(String::trim).filter(s -> !s.isEmpty()).orElse(PublishedReleases.LATEST);
        PublishedRelease release = releases.find(releaseId).orElseThrow(() -> releaseId.equals(PublishedReleases.LATEST)
                ? ProblemException.notFound("No release has been published yet.")
                : ProblemException.notFound("Parameter release: no such release; GET /v1/releases lists them.")
                        .about("release"));
        Profile profile;
        try {
            profile = profiles.profile(release, country);
        } catch (NoSuchElementException e) {
            throw ProblemException.notFound("Parameter release: the release is no longer available.").about("release");
        }
        byte[] body;
        String mediaType;
        switch (format) {
            case "csv" -> {
                body = ProfileCsv.write(profile).getBytes(StandardCharsets.UTF_8);
                mediaType = ComparisonsServiceImpl.CSV_MEDIA_TYPE;
            }
            case "html" -> {
                body = ProfileHtml.write(profile, labels.get(language)).getBytes(StandardCharsets.UTF_8);
                mediaType = HTML_MEDIA_TYPE;
                // Replaces the API's policy: this page may apply its own inline stylesheet, nothing else.
                response.header("Content-Security-Policy", ProfileHtml.CONTENT_SECURITY_POLICY);
            }
            default -> {
                body = Json.bytes(toModel(profile, labels.get(language)));
                mediaType = Json.MEDIA_TYPE;
            }
        }
        response.header(ComparisonsServiceImpl.RELEASE_HEADER, release.id());
        LanguageNegotiation.contentLanguage(response, language);
        HttpCaching.send(request, response, mediaType, body, HttpCaching.Policy.forRelease(releaseId),
                List.of(LanguageNegotiation.ACCEPT_LANGUAGE));
    }

    @Override
    public void afterStop() {
        // The generated default prints to standard output.
    }

    private static String parseFormat(Optional<String> text) {
        String format = text.map(String::trim).filter(s -> !s.isEmpty()).orElse("json");
        return switch (format) {
            case "json", "csv", "html" -> format;
            default -> throw ProblemException.badRequest("Parameter format: json, csv or html.").about("format");
        };
    }

    static CountryProfile toModel(Profile profile, Labels labels) {
        CountryProfile model = new CountryProfile();
        model.setRelease(profile.release().id());
        model.setCountry(profile.country().iso2());
        model.setName(labels.label(Dimension.COUNTRY_OF_IDENTIFICATION, profile.country().iso2()));
        profile.region().ifPresent(region -> {
            ProfileRegion item = new ProfileRegion();
            item.setM49(region.m49());
            item.setName(region.name());
            item.setReportingCountries(region.reportingCountries());
            model.setRegion(item);
        });
        model.setReportingCountries(profile.reportingCountries());
        ProtectionParameters protection = profile.release().protection();
        ComparisonProtection parameters = new ComparisonProtection();
        parameters.setMaxPerturbation(protection.ptable().maxPerturbation());
        parameters.setVariance(protection.ptable().variance());
        parameters.setThreshold(protection.threshold());
        model.setProtection(parameters);
        List<ProfileIndicator> indicators = new ArrayList<>();
        for (Profile.IndicatorSeries indicator : profile.indicators()) {
            ProfileIndicator item = new ProfileIndicator();
            item.setIndicator(indicator.indicator().id());
            item.setMeasure(ProfileIndicator.MeasureEnum.fromValue(
                    indicator.indicator().measure().name().toLowerCase(Locale.ROOT)));
            boolean perPopulation = indicator.indicator().perPopulation();
            item.setCountry(series(indicator.country(), perPopulation));
            item.setRegion(series(indicator.region(), perPopulation));
            item.setNotes(indicator.notes());
            indicators.add(item);
        }
        model.setIndicators(indicators);
        model.setNotes(notes(profile));
        return model;
    }

    /** The series' models, or null (the member left out) when there are none: never an empty list read as "none counted". */
    private static List<ComparisonSeries> series(List<Comparison.Series> series, boolean perPopulation) {
        return series.isEmpty() ? null : series.stream().map(s -> ComparisonsServiceImpl.toModel(s, perPopulation)).toList();
    }

    /** How to read the answer; the same as docs/profile.md. */
    static List<String> notes(Profile profile) {
        ProtectionParameters protection = profile.release().protection();
        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, "Counts are perturbed by the cell key method (each published count "
                        + "differs from the true one by at most %d, variance %s) and counts below %d are withheld; "
                        + "every figure is computed from these protected counts only, as in /v1/comparisons, whose "
                        + "flags, intervals and trends these are.",
                protection.ptable().maxPerturbation(), ComparisonsServiceImpl.trim(protection.ptable().variance()),
                protection.threshold()));
        notes.add("The region's counts are the protected totals of one table filtered to the region's reporting "
                + "countries, each perturbed as a cell of its own: not the sum of the countries' published counts, "
                + "and the country's count subtracted from them is not the rest of the region's.");
        notes.add("The region's population is the sum of its reporting countries' in a year each has one; a year is "
                + "PARTIAL_PERIOD for the region when it is for one of its countries.");
        boolean countryWithout = profile.indicators().stream().allMatch(i -> i.country().isEmpty());
        if (countryWithout) {
            notes.add("The release publishes no figure for this country (no record, or too few to publish): its "
                    + "indicators have no series, which is not zero.");
        }
        if (profile.region().isEmpty()) {
            notes.add("The country belongs to no UN M49 sub-region, so there is no region to compare with.");
        } else if (profile.region().get().reportingCountries().isEmpty()) {
            notes.add("No country of the region reports in this release, so the region has no figures.");
        }
        return notes;
    }
}
