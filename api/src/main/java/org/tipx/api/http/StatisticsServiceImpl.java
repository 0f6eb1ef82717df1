package org.tipx.api.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.tipx.anonymizer.cellkey.PTableParameters;
import org.tipx.anonymizer.cellkey.ProtectionParameters;
import org.tipx.api.domain.Dimension;
import org.tipx.api.domain.Measure;
import org.tipx.api.domain.PublishedRelease;
import org.tipx.api.domain.PublishedReleases;
import org.tipx.api.http.model.CodeInfo;
import org.tipx.api.http.model.DimensionInfo;
import org.tipx.api.http.model.DimensionList;
import org.tipx.api.http.model.PublicConfig;
import org.tipx.api.http.model.PublicConfigLimits;
import org.tipx.api.http.model.PublicConfigProtection;
import org.tipx.api.http.model.PublicConfigRateLimit;
import org.tipx.api.statistics.ProtectedTable;
import org.tipx.api.statistics.QueryRuleException;
import org.tipx.api.statistics.TableQuery;
import org.tipx.api.statistics.TableSource;
import org.tipx.api.format.Labels;
import org.tipx.api.format.Language;
import org.tipx.api.format.PublishedCodes;
import org.tipx.api.format.PublishedTable;
import org.tipx.api.format.TableFormat;
import org.tipx.api.format.TableWriter;

/**
 * The Statistics tag of the spec: protected tables ({@code /v1/statistics} and its deprecated alias
 * {@code /v1/tables}), the dimensions and the public configuration. Anonymous; rate-limited by
 * {@link RateLimitFilter}.
 *
 * <p>A table answer is tagged before it is built: its ETag is a hash of the release id, the
 * canonical query and the representation, all known from the request, so a revalidation costs a
 * release lookup and no table. Releases never change, so the tag names the bytes exactly.
 */
public final class StatisticsServiceImpl extends StatisticsService {

    /** The response header naming the release an answer was computed from. */
    public static final String RELEASE_HEADER = "Tipx-Release";

    /**
     * Bumped whenever the bytes of a representation change for the same table (a new column, a new
     * metadata member), so that no cache keeps an answer of the old shape under the same tag.
     */
    static final String REPRESENTATION_VERSION = "2";

    private static final List<String> VARY_ACCEPT = List.of("Accept", LanguageNegotiation.ACCEPT_LANGUAGE);
    private static final List<String> VARY_LANGUAGE = List.of(LanguageNegotiation.ACCEPT_LANGUAGE);

    private final PublishedReleases releases;
    private final TableSource tables;
    private final Map<Language, Map<TableFormat, TableWriter>> writers = new EnumMap<>(Language.class);
    private final Sunsetting tablesAlias;
    private final Clock clock;
    private final Map<Language, Labels> labels;
    private final Map<Language, byte[]> dimensionsJson = new EnumMap<>(Language.class);
    private final Map<Language, byte[]> indicatorsJson = new EnumMap<>(Language.class);
    private final byte[] configJson;

    /**
     * @param labels      the dimensions' labels and codes in every language, for {@code /v1/dimensions},
     *                    {@code /v1/datasets}, filters and writers
     * @param limits      the limits {@code tables} enforces, published by {@code /v1/config}
     * @param rateLimit   the rate limit in force, if any, published by {@code /v1/config}
     * @param protection  the protection of new releases, published by {@code /v1/config}
     * @param k           the k of new releases' microdata, published by {@code /v1/config}
     * @param tablesAlias the deprecation of {@code /v1/tables}
     */
    public StatisticsServiceImpl(PublishedReleases releases, TableSource tables, Map<Language, Labels> labels,
                                 StatisticsLimits limits, Optional<RateLimitPolicy> rateLimit,
                                 ProtectionParameters protection, int k, Sunsetting tablesAlias, Clock clock) {
        this.releases = Objects.requireNonNull(releases, "releases");
        this.tables = Objects.requireNonNull(tables, "tables");
        this.labels = Map.copyOf(labels);
        for (Language language : Language.values()) {
            Labels inLanguage = Objects.requireNonNull(labels.get(language), language.tag());
            Map<TableFormat, TableWriter> byFormat = new EnumMap<>(TableFormat.class);
            for (TableFormat format : TableFormat.values()) {
                byFormat.put(format, format.writer(inLanguage));
            }
            writers.put(language, byFormat);
            dimensionsJson.put(language, Json.bytes(dimensions(inLanguage)));
            indicatorsJson.put(language, Json.bytes(IndicatorCatalogue.of(inLanguage)));
        }
        this.tablesAlias = Objects.requireNonNull(tablesAlias, "tablesAlias");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.configJson = Json.bytes(config(limits, rateLimit, protection, k));
    }

    @Override
    protected void getStatistics(ServerRequest request, ServerResponse response) {
        // tipx reads the query itself: the generated parsing takes labels=maybe for false and quotes
        // bad values back, where every refusal here names its parameter and quotes nothing.
        answerTable(request, response);
    }

    @Override
    protected void getTables(ServerRequest request, ServerResponse response) {
        tablesAlias.apply(response, clock.instant());
        answerTable(request, response);
    }

    @Override
    protected void handleGetStatistics(ServerRequest request, ServerResponse response, Optional<String> by,
                                       Optional<String> measure, Optional<String> format, Optional<Boolean> labels,
                                       Optional<String> release, Optional<String> year, Optional<String> sex,
                                       Optional<String> ageBand, Optional<String> minorAtExploitation,
                                       Optional<String> citizenship, Optional<String> countryOfIdentification,
                                       Optional<String> countryOfExploitation, Optional<String> exploitation,
                                       Optional<String> identifiedBy, Optional<String> status, Optional<String> assistance,
                                       Optional<String> startPeriod, Optional<String> endPeriod,
                                       Optional<Integer> lastNObservations, Optional<String> lang,
                                       Optional<String> acceptLanguage, Optional<String> ifNoneMatch) {
        answerTable(request, response);
    }

    @Override
    protected void handleGetTables(ServerRequest request, ServerResponse response, Optional<String> by,
                                   Optional<String> measure, Optional<String> format, Optional<Boolean> labels,
                                   Optional<String> release, Optional<String> year, Optional<String> sex,
                                   Optional<String> ageBand, Optional<String> minorAtExploitation,
                                   Optional<String> citizenship, Optional<String> countryOfIdentification,
                                   Optional<String> countryOfExploitation, Optional<String> exploitation,
                                   Optional<String> identifiedBy, Optional<String> status, Optional<String> assistance,
                                   Optional<String> startPeriod, Optional<String> endPeriod,
                                   Optional<Integer> lastNObservations, Optional<String> lang,
                                   Optional<String> acceptLanguage, Optional<String> ifNoneMatch) {
        getTables(request, response);
    }

    @Override
    protected void handleListDimensions(ServerRequest request, ServerResponse response, Optional<String> lang,
                                        Optional<String> acceptLanguage, Optional<String> ifNoneMatch) {
        sendInLanguage(request, response, lang, acceptLanguage, dimensionsJson);
    }

    @Override
    protected void handleListIndicators(ServerRequest request, ServerResponse response, Optional<String> lang,
                                        Optional<String> acceptLanguage, Optional<String> ifNoneMatch) {
        sendInLanguage(request, response, lang, acceptLanguage, indicatorsJson);
    }

    /** One of the answers made at start-up, one per language, in the language asked for; revalidated hourly. */
    private static void sendInLanguage(ServerRequest request, ServerResponse response, Optional<String> lang,
                                       Optional<String> acceptLanguage, Map<Language, byte[]> bodies) {
        Language language = LanguageNegotiation.choose(lang, acceptLanguage);
        LanguageNegotiation.contentLanguage(response, language);
        HttpCaching.send(request, response, Json.MEDIA_TYPE, bodies.get(language),
                HttpCaching.Policy.revalidateAfter(java.time.Duration.ofHours(1)), VARY_LANGUAGE);
    }

    @Override
    protected void handleListDatasets(ServerRequest request, ServerResponse response, Optional<String> lang,
                                      Optional<String> acceptLanguage, Optional<String> ifNoneMatch) {
        Language language = LanguageNegotiation.choose(lang, acceptLanguage);
        LanguageNegotiation.contentLanguage(response, language);
        byte[] body = Json.bytes(DatasetCatalogue.of(labels.get(language), releases.list(), this::listedYears));
        // It changes when a release is published, as /v1/statistics?release=latest does.
        HttpCaching.send(request, response, Json.MEDIA_TYPE, body, HttpCaching.Policy.forRelease(PublishedReleases.LATEST),
                VARY_LANGUAGE);
    }

    /**
     * The years a release lists for a measure, ascending: the rows of its protected one-way table by
     * year, so nothing but published cells decides them (and the table is the one every
     * {@code by=year} answer starts from, so it is usually cached).
     */
    private List<Integer> listedYears(PublishedRelease release, Measure measure) {
        List<Integer> years = new ArrayList<>();
        for (ProtectedTable.Row row : tables.table(release, TableQuery.of(measure, Dimension.YEAR)).rows()) {
            String code = row.codes().getFirst();
            if (!code.equals(ProtectedTable.TOTAL)) {
                years.add(Integer.parseInt(code));
            }
        }
        years.sort(null);
        return List.copyOf(years);
    }

    @Override
    protected void handleGetConfig(ServerRequest request, ServerResponse response, Optional<String> ifNoneMatch) {
        HttpCaching.send(request, response, Json.MEDIA_TYPE, configJson,
                HttpCaching.Policy.revalidateAfter(java.time.Duration.ofMinutes(5)), List.of());
    }

    @Override
    public void afterStop() {
        // The generated default prints to standard output.
    }

    private void answerTable(ServerRequest request, ServerResponse response) {
        StatisticsRequest parsed = StatisticsRequest.parse(request.query(),
                request.headers().first(HeaderNames.ACCEPT_LANGUAGE), labels.get(Language.DEFAULT));
        TableFormat format = parsed.format().orElseGet(() -> ContentNegotiation
                .negotiate(request.headers().first(HeaderNames.ACCEPT))
                .orElseThrow(() -> ProblemException.of(Status.NOT_ACCEPTABLE_406, "not-acceptable", "Not acceptable",
                        "Tables are available as application/json, text/csv and application/json-stat+json "
                                + "(or choose with format=json|csv|jsonstat).")));
        PublishedRelease release = releases.find(parsed.release()).orElseThrow(() -> parsed.release()
                .equals(PublishedReleases.LATEST)
                ? ProblemException.notFound("No release published yet: statistics are answered from published releases.")
                : ProblemException.notFound("No such release; GET /v1/releases lists them.").about(StatisticsRequest.RELEASE));
        StatisticsRequest asked = parsed.resolved(() -> listedYears(release, parsed.query().measure()));
        response.header(RELEASE_HEADER, release.id());
        LanguageNegotiation.contentLanguage(response, asked.language());
        String etag = HttpCaching.etag(REPRESENTATION_VERSION, release.id(), asked.canonicalQuery(),
                format.id());
        HttpCaching.Policy policy = HttpCaching.Policy.forRelease(asked.release());
        // With format and lang given the answer depends on neither header, but one Vary keeps caches simple.
        if (HttpCaching.matches(request, etag)) {
            HttpCaching.notModified(response, etag, policy, VARY_ACCEPT);
            return;
        }
        ProtectedTable table;
        try {
            table = tables.table(release, asked.query());
        } catch (QueryRuleException e) {
            throw refused(e);
        }
        List<String> years = format == TableFormat.JSON ? List.of() : releaseYears(release, asked.query());
        byte[] body = writers.get(asked.language()).get(format)
                .bytes(new PublishedTable(table, release, asked.labels(), years));
        HttpCaching.validators(response, etag, policy, VARY_ACCEPT);
        response.status(Status.OK_200);
        response.header(HeaderNames.CONTENT_TYPE, format.mediaType());
        if (format == TableFormat.CSV) {
            response.header(HeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName(release, asked.query()) + "\"");
        }
        response.send(body);
    }

    /**
     * The years a release covers for the measure, which state the period of a table neither broken
     * down nor filtered by year: the year codes of the release's table by year, a protected table
     * whose listed codes depend only on published cells. Empty when the question does not arise or
     * that table is refused (the answer then states no period rather than a guessed one).
     */
    private List<String> releaseYears(PublishedRelease release, TableQuery query) {
        if (query.by().contains(Dimension.YEAR) || query.filters().containsKey(Dimension.YEAR)) {
            return List.of();
        }
        try {
            return tables.table(release, TableQuery.of(query.measure(), Dimension.YEAR)).rows().stream()
                    .map(row -> row.codes().getFirst())
                    .filter(code -> !code.equals(ProtectedTable.TOTAL))
                    .toList();
        } catch (QueryRuleException e) {
            return List.of();
        }
    }

    /**
     * The file name a CSV answer is saved under: {@code tipx-<release>-<measure>-by-<dims>.csv}
     * ({@code -total} without {@code by}), and {@code -filtered} when filters narrow it, so two
     * downloads of different tables do not overwrite each other unnoticed. Release ids and
     * dimension ids are letters, digits, '.', '_' and '-', safe in a quoted file name.
     */
    static String fileName(PublishedRelease release, TableQuery query) {
        StringBuilder name = new StringBuilder("tipx-").append(release.id()).append('-')
                .append(query.measure().name().toLowerCase(java.util.Locale.ROOT));
        if (query.by().isEmpty()) {
            name.append("-total");
        } else {
            name.append("-by-").append(String.join("-", query.by().stream().map(Dimension::id).toList()));
        }
        if (!query.filters().isEmpty()) {
            name.append("-filtered");
        }
        return name.append(".csv").toString();
    }

    /** A query rule's refusal as a 400 whose type names the rule; the rule's message never quotes a true count. */
    static ProblemException refused(QueryRuleException e) {
        return ProblemException.of(Status.BAD_REQUEST_400, e.rule(), "Query refused: " + e.rule(), e.getMessage());
    }

    private static DimensionList dimensions(Labels labels) {
        List<DimensionInfo> items = new ArrayList<>();
        // The same order and codes the writers publish categories in.
        PublishedCodes published = new PublishedCodes(labels);
        for (org.tipx.api.format.DimensionInfo dimension : labels.dimensions()) {
            Dimension id = dimension.dimension();
            List<CodeInfo> codes = new ArrayList<>();
            published.listed(id).forEach(code -> codes.add(new CodeInfo(code.code(), code.label())));
            String pattern = id == Dimension.YEAR ? "^[0-9]{4}$" : null;
            items.add(new DimensionInfo(id.id(), dimension.label(), id.multiValued(), alwaysAllowed(id), pattern, codes));
        }
        return new DimensionList(items);
    }

    static boolean alwaysAllowed(Dimension dimension) {
        return dimension == Dimension.YEAR || dimension == Dimension.COUNTRY_OF_IDENTIFICATION;
    }

    private static PublicConfig config(StatisticsLimits limits, Optional<RateLimitPolicy> rateLimit,
                                       ProtectionParameters protection, int k) {
        PublicConfigLimits tableLimits = new PublicConfigLimits(TableQuery.MAX_RESTRICTED_DIMENSIONS,
                List.of(Dimension.COUNTRY_OF_IDENTIFICATION.id(), Dimension.YEAR.id()),
                limits.maxCells(), limits.maxWithheldShare());
        PublicConfigRateLimit rate = new PublicConfigRateLimit();
        rate.setEnabled(rateLimit.isPresent());
        rateLimit.ifPresent(policy -> {
            rate.setPolicy(policy.name());
            rate.setQuota(policy.quota());
            rate.setWindowSeconds(Math.toIntExact(policy.window().toSeconds()));
        });
        PTableParameters ptable = protection.ptable();
        Double pStay = ptable.pStay().isPresent() ? ptable.pStay().getAsDouble() : null;
        PublicConfigProtection sdc = new PublicConfigProtection("cell-key", protection.threshold(),
                ptable.maxPerturbation(), ptable.variance(), ptable.smallestPublishedNonZero(), pStay, k);
        return new PublicConfig(tableLimits, rate, sdc);
    }
}
