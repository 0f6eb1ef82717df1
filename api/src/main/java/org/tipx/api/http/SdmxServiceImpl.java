package org.tipx.api.http;

import io.helidon.common.uri.UriQuery;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.tipx.api.domain.PublishedRelease;
import org.tipx.api.domain.PublishedReleases;
import org.tipx.api.format.SdmxCsvWriter;
import org.tipx.api.format.SdmxFormat;
import org.tipx.api.format.SdmxJsonDataWriter;
import org.tipx.api.format.SdmxJsonStructureWriter;
import org.tipx.api.format.SdmxMlDataWriter;
import org.tipx.api.format.SdmxMlErrorWriter;
import org.tipx.api.format.SdmxMlStructureWriter;
import org.tipx.api.sdmx.ArtefactRef;
import org.tipx.api.sdmx.Availability;
import org.tipx.api.sdmx.Codelist;
import org.tipx.api.sdmx.ContentConstraint;
import org.tipx.api.sdmx.DataQuery;
import org.tipx.api.sdmx.FlowRef;
import org.tipx.api.sdmx.SdmxData;
import org.tipx.api.sdmx.SdmxDataSet;
import org.tipx.api.sdmx.SdmxError;
import org.tipx.api.sdmx.SdmxException;
import org.tipx.api.sdmx.Structures;
import org.tipx.api.sdmx.ThbStructure;
import org.tipx.api.statistics.TableSource;

/**
 * SDMX 2.1 RESTful web services under {@value #PREFIX} (URL shapes of the SDMX RESTful web services
 * specification v1.x): {@code data}, {@code availableconstraint} and the structure resources
 * {@code dataflow}, {@code datastructure}, {@code codelist}, {@code conceptscheme}. Anonymous and
 * rate-limited like {@code /v1/statistics}; every figure comes from the same {@link TableSource}
 * through {@link SdmxData}. Errors are SDMX-ML {@code Error} messages with the SDMX code's HTTP status.
 *
 * <p>Data answers are tagged before they are built, as {@code /v1/statistics} does: the release id, the
 * path, the parameters and the representation name the bytes. {@code release=<id>} (a tipx extension)
 * pins a release; without it the newest answers.
 */
public final class SdmxServiceImpl implements HttpService {

    /** Where the SDMX routes live. */
    public static final String PREFIX = "/sdmx/2.1";
    /** The structure resources served. */
    static final List<String> STRUCTURE_RESOURCES = List.of("dataflow", "datastructure", "codelist", "conceptscheme");
    /** Bumped whenever the bytes of an SDMX representation change for the same data. */
    static final String REPRESENTATION_VERSION = "sdmx-1";
    /** The media type of SDMX-ML error messages (SDMX defines no error-specific one). */
    static final String ERROR_MEDIA_TYPE = "application/xml;charset=utf-8";

    private static final String RELEASE = "release";
    private static final String FORMAT = "format";
    private static final Pattern RELEASE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final List<String> VARY_ACCEPT = List.of("Accept");
    private static final ArtefactRef ACTUAL_CONSTRAINT = new ArtefactRef(ThbStructure.AGENCY, "CC_THB", "1.0");
    private static final ArtefactRef AVAILABLE_CONSTRAINT = new ArtefactRef(ThbStructure.AGENCY, "CC_THB_AVAILABLE", "1.0");

    private final PublishedReleases releases;
    private final ThbStructure structure;
    private final SdmxData data;
    private final Availability availability;
    private final SdmxMlStructureWriter structureWriter;
    private final SdmxJsonDataWriter jsonDataWriter;
    private final SdmxJsonStructureWriter jsonStructureWriter;

    public SdmxServiceImpl(PublishedReleases releases, TableSource tables, ThbStructure structure) {
        this.releases = Objects.requireNonNull(releases, "releases");
        this.structure = Objects.requireNonNull(structure, "structure");
        this.data = new SdmxData(tables, structure);
        this.availability = new Availability(tables, structure);
        this.structureWriter = new SdmxMlStructureWriter(structure);
        this.jsonDataWriter = new SdmxJsonDataWriter(structure);
        this.jsonStructureWriter = new SdmxJsonStructureWriter(structure);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/data/{flowRef}", this::data)
                .get("/data/{flowRef}/{key}", this::data)
                .get("/data/{flowRef}/{key}/{providerRef}", this::data);
        for (String resource : STRUCTURE_RESOURCES) {
            rules.get("/" + resource, (req, res) -> structure(resource, req, res))
                    .get("/" + resource + "/{agencyID}", (req, res) -> structure(resource, req, res))
                    .get("/" + resource + "/{agencyID}/{resourceID}", (req, res) -> structure(resource, req, res))
                    .get("/" + resource + "/{agencyID}/{resourceID}/{version}", (req, res) -> structure(resource, req, res));
        }
        rules.get("/availableconstraint/{flowRef}", this::available)
                .get("/availableconstraint/{flowRef}/{key}", this::available)
                .get("/availableconstraint/{flowRef}/{key}/{providerRef}", this::available)
                .get("/availableconstraint/{flowRef}/{key}/{providerRef}/{componentID}", this::available);
    }

    private void data(ServerRequest req, ServerResponse res) {
        answer(res, () -> {
            Map<String, String> parameters = parameters(req.query());
            SdmxFormat format = format(req, parameters.remove(FORMAT), true);
            String releaseId = release(parameters.remove(RELEASE));
            String key = pathParameter(req, "key").orElse("all");
            String providerRef = pathParameter(req, "providerRef").orElse("all");
            DataQuery query = DataQuery.parse(key, parameters);
            if (!FlowRef.namesThb(req.path().pathParameters().get("flowRef"))) {
                throw new SdmxException(SdmxError.NO_RESULTS, "No results found: the dataflow is TIPX,DF_THB,1.0.");
            }
            if (!FlowRef.namesTipx(providerRef)) {
                throw new SdmxException(SdmxError.NO_RESULTS, "No results found: the only data provider is TIPX.");
            }
            PublishedRelease release = find(releaseId);
            res.header(StatisticsServiceImpl.RELEASE_HEADER, release.id());
            String etag = HttpCaching.etag(REPRESENTATION_VERSION, release.id(), canonical(req, key, providerRef, parameters),
                    format.id());
            HttpCaching.Policy policy = HttpCaching.Policy.forRelease(releaseId);
            if (HttpCaching.matches(req, etag)) {
                HttpCaching.notModified(res, etag, policy, VARY_ACCEPT);
                return;
            }
            SdmxDataSet dataSet = data.dataSet(release, query);
            byte[] body = switch (format) {
                case GENERIC_DATA -> SdmxMlDataWriter.generic().bytes(dataSet);
                case STRUCTURE_SPECIFIC_DATA -> SdmxMlDataWriter.structureSpecific().bytes(dataSet);
                case CSV_2 -> SdmxCsvWriter.version2().bytes(dataSet);
                case CSV_1 -> SdmxCsvWriter.version1().bytes(dataSet);
                case JSON_DATA -> jsonDataWriter.bytes(dataSet);
                case STRUCTURE, JSON_STRUCTURE -> throw new IllegalStateException("not a data format");
            };
            HttpCaching.validators(res, etag, policy, VARY_ACCEPT);
            res.status(Status.OK_200);
            res.header(HeaderNames.CONTENT_TYPE, mediaType(format));
            res.send(body);
        });
    }

    private void structure(String resource, ServerRequest req, ServerResponse res) {
        answer(res, () -> {
            Map<String, String> parameters = parameters(req.query());
            SdmxFormat format = format(req, parameters.remove(FORMAT), false);
            String references = parameters.getOrDefault("references", "none");
            String detail = parameters.getOrDefault("detail", "full");
            parameters.keySet().removeAll(Set.of("references", "detail"));
            if (!parameters.isEmpty()) {
                throw new SdmxException(SdmxError.SYNTAX_ERROR, "Unknown query parameter; a structure query takes "
                        + "references, detail and format.");
            }
            if (!detail.equals("full")) {
                if (!List.of("allstubs", "referencestubs", "allcompletestubs", "referencecompletestubs",
                        "referencepartial").contains(detail)) {
                    throw new SdmxException(SdmxError.SYNTAX_ERROR, "detail is full, allstubs, referencestubs, "
                            + "allcompletestubs, referencecompletestubs or referencepartial.");
                }
                throw new SdmxException(SdmxError.NOT_IMPLEMENTED, "Only detail=full is offered.");
            }
            String agency = pathParameter(req, "agencyID").orElse("all");
            String id = pathParameter(req, "resourceID").orElse("all");
            String version = pathParameter(req, "version").orElse("latest");
            Set<String> matched = new LinkedHashSet<>();
            for (ArtefactRef ref : artefacts(resource)) {
                if (matches(agency, ref.agencyId()) && matches(id, ref.id()) && matchesVersion(version, ref.version())) {
                    matched.add(resource + ":" + ref);
                }
            }
            if (matched.isEmpty()) {
                throw new SdmxException(SdmxError.NO_RESULTS, "No results found: no " + resource + " matches.");
            }
            Set<String> selected = new LinkedHashSet<>(matched);
            selected.addAll(references(resource, references));
            Optional<PublishedRelease> latest = releases.find(PublishedReleases.LATEST);
            List<ContentConstraint> constraints = new ArrayList<>();
            if (selected.remove("constraint") && latest.isPresent()) {
                constraints.add(new ContentConstraint(ACTUAL_CONSTRAINT,
                        "Codes with data in release " + latest.get().id(),
                        availability.available(latest.get(), DataQuery.all())));
            }
            List<Codelist> codelists = structure.codelists().stream()
                    .filter(list -> selected.contains("codelist:" + list.ref())).toList();
            Structures message = new Structures(selected.contains("dataflow:" + ThbStructure.DATAFLOW),
                    selected.contains("datastructure:" + ThbStructure.DSD),
                    selected.contains("conceptscheme:" + ThbStructure.CONCEPTS), codelists, constraints);
            Instant prepared = latest.map(PublishedRelease::created).orElse(Instant.EPOCH);
            byte[] body = format == SdmxFormat.JSON_STRUCTURE ? jsonStructureWriter.bytes(message, prepared)
                    : structureWriter.bytes(message, prepared);
            HttpCaching.send(req, res, mediaType(format), body,
                    HttpCaching.Policy.revalidateAfter(Duration.ofMinutes(1)), VARY_ACCEPT);
        });
    }

    private void available(ServerRequest req, ServerResponse res) {
        answer(res, () -> {
            Map<String, String> parameters = parameters(req.query());
            if (format(req, parameters.remove(FORMAT), false) != SdmxFormat.STRUCTURE) {
                throw new SdmxException(SdmxError.NOT_ACCEPTABLE, "Availability is answered in SDMX-ML 2.1 structure only.");
            }
            String releaseId = release(parameters.remove(RELEASE));
            String mode = parameters.getOrDefault("mode", "exact");
            String references = parameters.getOrDefault("references", "none");
            parameters.keySet().removeAll(Set.of("mode", "references"));
            if (!mode.equals("exact") && !mode.equals("available")) {
                throw new SdmxException(SdmxError.SYNTAX_ERROR, "mode is exact or available.");
            }
            if (!references.equals("none")) {
                throw new SdmxException(SdmxError.NOT_IMPLEMENTED, "Only references=none is offered here; "
                        + "GET dataflow/TIPX/DF_THB/1.0?references=all gives the structures.");
            }
            for (String name : parameters.keySet()) {
                if (!name.equals("startPeriod") && !name.equals("endPeriod")) {
                    throw new SdmxException(SdmxError.SYNTAX_ERROR, "Unknown query parameter; an availability query "
                            + "takes startPeriod, endPeriod, mode, references and format.");
                }
            }
            String key = pathParameter(req, "key").orElse("all");
            String providerRef = pathParameter(req, "providerRef").orElse("all");
            String component = pathParameter(req, "componentID").orElse("all");
            DataQuery query = DataQuery.parse(key, parameters);
            if (!component.equals("all") && !ThbStructure.KEY.contains(component)
                    && !component.equals(ThbStructure.TIME_PERIOD)) {
                throw new SdmxException(SdmxError.SYNTAX_ERROR, "componentID is all or a dimension of the dataflow.");
            }
            if (!FlowRef.namesThb(req.path().pathParameters().get("flowRef")) || !FlowRef.namesTipx(providerRef)) {
                throw new SdmxException(SdmxError.NO_RESULTS, "No results found: the dataflow is TIPX,DF_THB,1.0, "
                        + "provided by TIPX.");
            }
            PublishedRelease release = find(releaseId);
            res.header(StatisticsServiceImpl.RELEASE_HEADER, release.id());
            Map<String, List<String>> cube = new java.util.LinkedHashMap<>(availability.available(release, query));
            if (!component.equals("all")) {
                cube.keySet().retainAll(Set.of(component));
            }
            ContentConstraint constraint = new ContentConstraint(AVAILABLE_CONSTRAINT,
                    "Codes with data in release " + release.id() + " for the query", cube);
            byte[] body = structureWriter.bytes(new Structures(false, false, false, List.of(), List.of(constraint)),
                    release.created());
            HttpCaching.send(req, res, mediaType(SdmxFormat.STRUCTURE), body,
                    HttpCaching.Policy.forRelease(releaseId), VARY_ACCEPT);
        });
    }

    private List<ArtefactRef> artefacts(String resource) {
        return switch (resource) {
            case "dataflow" -> List.of(ThbStructure.DATAFLOW);
            case "datastructure" -> List.of(ThbStructure.DSD);
            case "conceptscheme" -> List.of(ThbStructure.CONCEPTS);
            case "codelist" -> structure.codelists().stream().map(Codelist::ref).toList();
            default -> throw new IllegalArgumentException(resource);
        };
    }

    /**
     * The artefacts {@code references} adds to a query on {@code resource}, as "type:ref" ("constraint" for the
     * actual content constraint). The dataflow uses the DSD, which uses the concept scheme and the codelists;
     * the constraint refers to the dataflow.
     */
    private Set<String> references(String resource, String references) {
        Set<String> children = new LinkedHashSet<>();
        Set<String> parents = new LinkedHashSet<>();
        Set<String> dsdChildren = new LinkedHashSet<>();
        dsdChildren.add("conceptscheme:" + ThbStructure.CONCEPTS);
        structure.codelists().forEach(list -> dsdChildren.add("codelist:" + list.ref()));
        Set<String> descendants = new LinkedHashSet<>();
        switch (resource) {
            case "dataflow" -> {
                children.add("datastructure:" + ThbStructure.DSD);
                descendants.addAll(children);
                descendants.addAll(dsdChildren);
                parents.add("constraint");
            }
            case "datastructure" -> {
                children.addAll(dsdChildren);
                descendants.addAll(dsdChildren);
                parents.add("dataflow:" + ThbStructure.DATAFLOW);
            }
            default -> parents.add("datastructure:" + ThbStructure.DSD);
        }
        Set<String> out = new LinkedHashSet<>();
        switch (references) {
            case "none" -> {
            }
            case "parents" -> out.addAll(parents);
            case "parentsandsiblings" -> {
                out.addAll(parents);
                if (!resource.equals("dataflow")) {
                    out.addAll(dsdChildren);
                }
            }
            case "children" -> out.addAll(children);
            case "descendants" -> out.addAll(descendants);
            case "all" -> {
                out.addAll(parents);
                out.addAll(descendants);
            }
            case "dataflow", "datastructure", "codelist", "conceptscheme" -> {
                Set<String> every = new LinkedHashSet<>(parents);
                every.addAll(descendants);
                every.removeIf(item -> !item.startsWith(references + ":"));
                out.addAll(every);
            }
            default -> throw new SdmxException(SdmxError.SYNTAX_ERROR, "references is none, parents, "
                    + "parentsandsiblings, children, descendants, all or a structure type.");
        }
        return out;
    }

    private static boolean matches(String asked, String actual) {
        return asked.equals("all") || asked.equals(actual) || List.of(asked.split("\\+")).contains(actual);
    }

    private static boolean matchesVersion(String asked, String actual) {
        return asked.equals("all") || asked.equals("latest") || asked.equals(actual);
    }

    private PublishedRelease find(String releaseId) {
        return releases.find(releaseId).orElseThrow(() -> new SdmxException(SdmxError.NO_RESULTS,
                releaseId.equals(PublishedReleases.LATEST) ? "No results found: no release is published yet."
                        : "No results found: no such release; GET /v1/releases lists them."));
    }

    private static String release(String value) {
        if (value == null) {
            return PublishedReleases.LATEST;
        }
        if (!RELEASE_ID.matcher(value).matches()) {
            throw new SdmxException(SdmxError.SYNTAX_ERROR, "release is a release id or latest.");
        }
        return value;
    }

    /** Each parameter once: SDMX parameters are single-valued. */
    private static Map<String, String> parameters(UriQuery query) {
        Map<String, String> parameters = new TreeMap<>();
        for (String name : query.names()) {
            if (query.all(name).size() > 1) {
                throw new SdmxException(SdmxError.SYNTAX_ERROR, "A query parameter is given more than once.");
            }
            parameters.put(name, query.get(name));
        }
        return parameters;
    }

    private static Optional<String> pathParameter(ServerRequest req, String name) {
        return req.path().pathParameters().contains(name) ? Optional.of(req.path().pathParameters().get(name))
                : Optional.empty();
    }

    /** The path and parameters in one spelling: two requests with the same canonical form get the same answer. */
    private static String canonical(ServerRequest req, String key, String providerRef, Map<String, String> parameters) {
        return "flow=" + req.path().pathParameters().get("flowRef") + ";key=" + key + ";provider=" + providerRef
                + ";" + parameters;
    }

    /**
     * The representation: {@code format} wins, else the best {@code Accept} range; no {@code Accept},
     * {@code *}{@code /*} or {@code application/xml} gives the default (generic data, or structure).
     */
    static SdmxFormat format(ServerRequest req, String format, boolean dataQuery) {
        List<SdmxFormat> offered = dataQuery ? SdmxFormat.dataFormats() : SdmxFormat.structureFormats();
        if (format != null) {
            return SdmxFormat.byId(format).filter(offered::contains).orElseThrow(() -> new SdmxException(
                    SdmxError.NOT_ACCEPTABLE, "format is one of " + String.join(", ",
                    offered.stream().map(SdmxFormat::id).toList()) + "."));
        }
        Optional<String> accept = req.headers().first(HeaderNames.ACCEPT);
        if (accept.isEmpty() || accept.get().isBlank()) {
            return offered.getFirst();
        }
        SdmxFormat best = null;
        double bestQuality = 0;
        for (SdmxFormat candidate : offered) {
            double quality = quality(candidate, accept.get(), offered.getFirst() == candidate);
            if (quality > bestQuality) {
                best = candidate;
                bestQuality = quality;
            }
        }
        if (best == null) {
            throw new SdmxException(SdmxError.NOT_ACCEPTABLE, "Acceptable here: " + String.join(", ",
                    offered.stream().map(SdmxFormat::mediaType).toList()) + " (or choose with format=).");
        }
        return best;
    }

    /** The quality the Accept header gives a format: its best matching range's. */
    private static double quality(SdmxFormat format, String accept, boolean isDefault) {
        String[] own = format.mediaType().split(";");
        String ownType = own[0];
        String ownVersion = own[1].substring(own[1].indexOf('=') + 1);
        double best = 0;
        for (String part : accept.split(",")) {
            String[] pieces = part.trim().split(";");
            String type = pieces[0].trim().toLowerCase(Locale.ROOT);
            double q = 1;
            Optional<String> version = Optional.empty();
            for (int i = 1; i < pieces.length; i++) {
                String[] kv = pieces[i].trim().split("=", 2);
                if (kv.length == 2 && kv[0].trim().equals("q")) {
                    try {
                        q = Double.parseDouble(kv[1].trim());
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                } else if (kv.length == 2 && kv[0].trim().equals("version")) {
                    version = Optional.of(kv[1].trim());
                }
            }
            boolean match;
            if (type.equals(ownType)) {
                // Without a version the newest: SDMX-CSV 2.0.0 rather than 1.0.0.
                match = version.map(v -> v.equals(ownVersion)).orElse(format != SdmxFormat.CSV_1);
            } else if (type.equals("text/csv")) {
                match = format == SdmxFormat.CSV_2;
            } else {
                match = isDefault && (type.equals("*/*") || type.equals("application/*") || type.equals("application/xml"));
            }
            if (match && q > best) {
                best = q;
            }
        }
        return best;
    }

    private static String mediaType(SdmxFormat format) {
        return format.mediaType() + (format.id().startsWith("csv") ? ";charset=utf-8" : "");
    }

    /** Runs a handler; an {@link SdmxException} becomes an SDMX-ML error message with its status. */
    private static void answer(ServerResponse res, Runnable handler) {
        try {
            handler.run();
        } catch (SdmxException e) {
            SdmxError error = e.error();
            res.status(Status.create(error.httpStatus()));
            res.header(HeaderNames.CONTENT_TYPE, ERROR_MEDIA_TYPE);
            res.send(SdmxMlErrorWriter.bytes(error.code(), error.title(), e.getMessage()));
        }
    }
}
