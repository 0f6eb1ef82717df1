package org.tipx.api.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.tipx.anonymizer.Dataset;
import org.tipx.api.anonymize.CaseRecordTable;
import org.tipx.client.ApiResponse;
import org.tipx.client.api.ReleaseJobsApi;
import org.tipx.client.api.ReleasesApi;
import org.tipx.client.model.ReleaseJob;

/**
 * The Releases endpoints against a running server, once per store: {@link EmbeddedReleasesApiTest} and
 * {@link PostgresReleasesApiTest} start it. The first test runs on the empty store.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class ReleasesApiContract {

    static final long LIMIT = 4 * 1024 * 1024;
    private static final AtomicInteger AGENCIES = new AtomicInteger();

    /** Started by the subclass's {@code @BeforeAll}, stopped by its {@code @AfterAll}. */
    static RunningTipx server;

    @Test
    @Order(1)
    void post_withoutCurrentExtracts_acceptsAJobThatFailsWithAConflictProblem() throws Exception {
        HttpResponse<String> accepted = post(RunningTipx.ADMIN_TOKEN);

        assertEquals(202, accepted.statusCode(), accepted.body());
        JsonObject job = awaitEnd(accepted);
        assertEquals("failed", job.getString("state"), job.toString());
        JsonObject problem = job.getJsonObject("problem");
        assertEquals("urn:tipx:problem:conflict", problem.getString("type"));
        assertEquals(409, problem.getInt("status"));
        assertTrue(problem.getString("detail").contains("no current extracts"), problem.toString());
        assertFalse(job.containsKey("releaseId"));
        assertEquals(404, get("/v1/releases/latest").statusCode(), "no release yet");
        assertEquals("{\"items\":[]}", get("/v1/releases").body());
    }

    @Test
    @Order(2)
    void postAndJobs_areForTheAdministratorOnly() throws Exception {
        String agencyToken = newAgency("UA");
        server.uploadCsv(agencyToken, "2026-Q3", persons("admin", 20, 0));

        HttpResponse<String> anonymous = server.send(server.request("/v1/releases")
                .POST(HttpRequest.BodyPublishers.noBody()));
        HttpResponse<String> asAgency = post(agencyToken);

        assertEquals(401, anonymous.statusCode());
        assertEquals(401, asAgency.statusCode());
        assertEquals("application/problem+json", asAgency.headers().firstValue("content-type").orElse(""));
        HttpResponse<String> accepted = post(RunningTipx.ADMIN_TOKEN);
        assertEquals(202, accepted.statusCode());
        String location = accepted.headers().firstValue("location").orElseThrow();
        assertEquals(401, get(location).statusCode(), "a job is not public");
        assertEquals(401, server.send(server.request(location).header("Authorization", "Bearer " + agencyToken))
                .statusCode());
        assertEquals("succeeded", awaitEnd(accepted).getString("state"));
        HttpResponse<String> missing = server.send(server.request("/v1/release-jobs/job-none")
                .header("Authorization", "Bearer " + RunningTipx.ADMIN_TOKEN));
        assertEquals(404, missing.statusCode());
        assertEquals("application/problem+json", missing.headers().firstValue("content-type").orElse(""));
    }

    @Test
    void post_throughTheGeneratedClient_isAcceptedAsAJobThatEndsWithTheRelease() throws Exception {
        server.uploadCsv(newAgency("UA"), "2026-Q3", persons("client", 40, 0));

        ApiResponse<ReleaseJob> accepted = new ReleasesApi(server.client(RunningTipx.ADMIN_TOKEN))
                .createReleaseWithHttpInfo();

        assertEquals(202, accepted.getStatusCode());
        ReleaseJob job = accepted.getData();
        assertTrue(job.getId().startsWith("job-"), job.getId());
        assertEquals(List.of("/v1/release-jobs/" + job.getId()), accepted.getHeaders().get("location"));
        assertEquals("admin", job.getRequestedBy());
        ReleaseJobsApi jobs = new ReleaseJobsApi(server.client(RunningTipx.ADMIN_TOKEN));
        ReleaseJob done = jobs.getReleaseJob(job.getId());
        for (long end = System.nanoTime() + 60_000_000_000L; done.getState() == ReleaseJob.StateEnum.QUEUED
                || done.getState() == ReleaseJob.StateEnum.RUNNING; done = jobs.getReleaseJob(job.getId())) {
            assertTrue(System.nanoTime() < end, "job still " + done.getState());
            Thread.sleep(20);
        }
        assertEquals(ReleaseJob.StateEnum.SUCCEEDED, done.getState());
        assertEquals(job.getQueued(), done.getQueued());
        assertFalse(done.getStarted().isBefore(done.getQueued()));
        assertFalse(done.getFinished().isBefore(done.getStarted()));
        assertEquals("/v1/releases/" + done.getReleaseId(), done.getRelease());
        assertEquals(done.getReleaseId(), new ReleasesApi(server.client(null)).getRelease("latest", null).getId());
    }

    @Test
    void samePersonThroughTwoAgencies_countsOnceAsVictimAndTwiceAsRegistration() throws Exception {
        String ua = newAgency("UA");
        String md = newAgency("MD");
        server.uploadCsv(ua, "2026-Q3", persons("dedupe", 30, 0));
        JsonObject before = released();

        server.uploadCsv(md, "2026-Q3", persons("dedupe", 30, 0)); // the same 30 people, through another agency
        JsonObject twice = released();
        server.uploadCsv(md, "2026-Q3", persons("fresh", 30, 0)); // replaces md's extract: 30 new people
        JsonObject fresh = released();

        assertEquals(30, count(twice, "registrations") - count(before, "registrations"));
        assertEquals(0, count(twice, "victims") - count(before, "victims"));
        assertEquals(count(twice, "victims"), count(twice, "microdataRows"), "one microdata row per person");
        assertEquals(30, count(fresh, "victims") - count(before, "victims"));
        assertEquals(count(before, "registrations") + 30, count(fresh, "registrations"));
    }

    @Test
    void release_isServedByIdAndAsLatest_linkedFromItsJobAndInTheList() throws Exception {
        server.uploadCsv(newAgency("UA"), "2026-Q3", persons("serve", 40, 0));

        HttpResponse<String> accepted = post(RunningTipx.ADMIN_TOKEN);

        assertEquals(202, accepted.statusCode(), accepted.body());
        assertTrue(accepted.headers().firstValue("location").orElse("").matches("/v1/release-jobs/job-[0-9a-f-]{36}"),
                accepted.headers().map().toString());
        JsonObject job = awaitEnd(accepted);
        String id = job.getString("releaseId");
        assertTrue(id.matches("\\d{4}-\\d{2}-\\d{2}\\.\\d+"), id);
        assertEquals("/v1/releases/" + id, job.getString("release"));
        String manifest = get(job.getString("release")).body();
        assertEquals(id, parse(manifest).getString("id"));
        assertEquals(manifest, get("/v1/releases/latest").body());
        JsonObject list = Json.createReader(new StringReader(get("/v1/releases").body())).readObject();
        assertEquals(id, list.getJsonArray("items").getJsonObject(0).getString("id"), "newest first");
        HttpResponse<String> missing = get("/v1/releases/1999-01-01.1");
        assertEquals(404, missing.statusCode());
        assertEquals("application/problem+json", missing.headers().firstValue("content-type").orElse(""));
        assertEquals(404, get("/v1/releases/1999-01-01.1/microdata", RunningTipx.ADMIN_TOKEN).statusCode());
    }

    @Test
    void publicManifests_revalidateWith304_pinnedForAYearAndLatestForAMinute() throws Exception {
        server.uploadCsv(newAgency("UA"), "2026-Q3", persons("cache", 40, 0));
        String id = released().getString("id");

        String path = "/v1/releases/" + id;
        HttpResponse<String> first = get(path);
        String etag = first.headers().firstValue("etag").orElseThrow();
        assertEquals("public, max-age=31536000, immutable", first.headers().firstValue("cache-control").orElse(""));
        assertEquals("Authorization", first.headers().firstValue("vary").orElse(""), "a token changes the answer");
        HttpResponse<String> again = server.send(server.request(path).header("If-None-Match", etag));
        assertEquals(304, again.statusCode(), path);
        assertEquals("", again.body());
        assertEquals(etag, again.headers().firstValue("etag").orElse(""));
        assertEquals(200, server.send(server.request(path).header("If-None-Match", "\"other\"")).statusCode());
        for (String latest : List.of("/v1/releases", "/v1/releases/latest")) {
            assertEquals("public, max-age=60", get(latest).headers().firstValue("cache-control").orElse(""), latest);
        }
        assertEquals(get("/v1/releases/" + id).headers().firstValue("etag"),
                get("/v1/releases/latest").headers().firstValue("etag"), "the same bytes have the same tag");
    }

    @Test
    void answersToAToken_areForItsReaderAlone_andMicrodataStillRevalidates() throws Exception {
        String token = newAgency("UA");
        server.uploadCsv(token, "2026-Q3", persons("private", 40, 0));
        String id = released().getString("id");

        for (String path : List.of("/v1/releases", "/v1/releases/" + id, "/v1/releases/latest",
                "/v1/releases/" + id + "/microdata", "/v1/releases/latest/microdata")) {
            for (String reader : List.of(token, RunningTipx.ADMIN_TOKEN)) {
                HttpResponse<String> answer = get(path, reader);
                assertEquals(200, answer.statusCode(), path);
                assertEquals("private, no-store", answer.headers().firstValue("cache-control").orElse(""), path);
                assertEquals("Authorization", answer.headers().firstValue("vary").orElse(""), path);
            }
        }
        String microdata = "/v1/releases/" + id + "/microdata";
        String etag = get(microdata, token).headers().firstValue("etag").orElseThrow();
        HttpResponse<String> again = server.send(server.request(microdata).header("Authorization", "Bearer " + token)
                .header("If-None-Match", etag));
        assertEquals(304, again.statusCode());
        assertEquals("private, no-store", again.headers().firstValue("cache-control").orElse(""));
    }

    @Test
    void microdata_isForRegisteredUsers_401AnonymousOrWithABadToken_200WithAnAgencyOrTheAdminToken() throws Exception {
        String token = newAgency("MD");
        server.uploadCsv(token, "2026-Q3", persons("registered", 40, 0));
        String id = released().getString("id");
        String path = "/v1/releases/" + id + "/microdata";

        HttpResponse<String> anonymous = get(path);
        HttpResponse<String> badToken = get(path, "tipx_not-a-token");
        HttpResponse<String> basic = server.send(server.request(path).header("Authorization", "Basic dXNlcjpwYXNz"));
        HttpResponse<String> asAgency = get(path, token);
        HttpResponse<String> asAdmin = get(path, RunningTipx.ADMIN_TOKEN);

        for (HttpResponse<String> refused : List.of(anonymous, badToken, basic)) {
            assertEquals(401, refused.statusCode(), refused.body());
            assertEquals("application/problem+json", refused.headers().firstValue("content-type").orElse(""));
            assertEquals("urn:tipx:problem:unauthorized", parse(refused.body()).getString("type"));
            assertFalse(refused.body().contains("registration_year"), "nothing of the microdata");
            assertTrue(refused.headers().firstValue("cache-control").isEmpty(), "an error is not cached");
        }
        assertEquals(401, get("/v1/releases/1999-01-01.1/microdata").statusCode(),
                "refused before the release is looked up: an anonymous caller cannot probe release ids");
        assertEquals(200, asAgency.statusCode(), asAgency.body());
        assertEquals(200, asAdmin.statusCode(), asAdmin.body());
        assertEquals(asAdmin.body(), asAgency.body(), "agencies and the administrator read the same microdata");
        assertEquals(count(adminManifest(id), "microdataRows"), rows(asAgency.body()).size());
    }

    @Test
    void manifestViews_publicAgencyAndAdmin_andTheProtectedTotalsAreTheStatisticsGrandTotals() throws Exception {
        String ua = newAgency("UA");
        String md = newAgency("MD");
        server.uploadCsv(ua, "2026-Q3", persons("views", 60, 0));
        server.uploadCsv(md, "2026-Q3", persons("views", 30, 0)); // 30 of the same people, and a second agency
        String id = released().getString("id");
        String path = "/v1/releases/" + id;
        String uaId = agencyOf(ua);

        // The administrator: the stored manifest, byte for byte.
        HttpResponse<String> asAdmin = get(path, RunningTipx.ADMIN_TOKEN);
        assertEquals(200, asAdmin.statusCode());
        assertEquals(server.tipx().store().release(id).orElseThrow().manifest(), asAdmin.body());
        JsonObject admin = parse(asAdmin.body());
        assertTrue(admin.containsKey("counts"));
        assertTrue(admin.getJsonObject("microdata").containsKey("smallestClass"));
        admin.getJsonArray("extracts").getValuesAs(JsonObject.class)
                .forEach(e -> assertTrue(e.containsKey("sha256") && e.containsKey("rows"), e.toString()));

        // Anyone: no exact count, no row count, no hash; the protected totals.
        JsonObject anonymous = parse(get(path).body());
        assertPublic(anonymous, Optional.empty());
        for (String measure : List.of("victims", "registrations")) {
            HttpResponse<String> table = get("/v1/statistics?release=" + id + "&measure=" + measure);
            assertEquals(200, table.statusCode(), table.body());
            JsonObject total = parse(table.body()).getJsonArray("observations").getJsonObject(0);
            assertEquals(Json.createObjectBuilder(total).remove("codes").build(),
                    anonymous.getJsonObject("protectedCounts").getJsonObject(measure), measure);
        }
        JsonObject publicList = parse(get("/v1/releases").body());
        publicList.getJsonArray("items").getValuesAs(JsonObject.class).forEach(m -> assertPublic(m, Optional.empty()));

        // An agency: the public view, and its own extracts in full.
        HttpResponse<String> asAgency = get(path, ua);
        assertEquals(200, asAgency.statusCode());
        JsonObject agency = parse(asAgency.body());
        assertPublic(agency, Optional.of(uaId));
        long own = 0;
        for (JsonObject extract : agency.getJsonArray("extracts").getValuesAs(JsonObject.class)) {
            if (extract.getString("agency").equals(uaId)) {
                JsonObject stored = admin.getJsonArray("extracts").getValuesAs(JsonObject.class).stream()
                        .filter(e -> e.getString("id").equals(extract.getString("id"))).findFirst().orElseThrow();
                assertEquals(stored.getString("sha256"), extract.getString("sha256"));
                assertEquals(stored.getJsonNumber("rows"), extract.getJsonNumber("rows"));
                own++;
            }
        }
        assertEquals(1, own, "the agency's one extract");
        assertEquals(anonymous.getJsonObject("protectedCounts"), agency.getJsonObject("protectedCounts"));
        parse(get("/v1/releases", ua).body()).getJsonArray("items").getValuesAs(JsonObject.class)
                .forEach(m -> assertPublic(m, Optional.of(uaId)));

        // A token that is neither: 401, not the public view.
        for (String refused : List.of(path, "/v1/releases", "/v1/releases/latest")) {
            HttpResponse<String> answer = get(refused, "tipx_not-a-token");
            assertEquals(401, answer.statusCode(), refused);
            assertEquals("application/problem+json", answer.headers().firstValue("content-type").orElse(""));
        }
    }

    @Test
    void microdata_isKAnonymousCsvWithDistinctSuppressedAndEmpty_andNoPlantedIdentifier() throws Exception {
        String token = newAgency("UA");
        String csv = persons("planted", 120, 0);
        server.uploadCsv(token, "2026-Q3", csv);
        JsonObject manifest = released();
        String id = manifest.getString("id");

        HttpResponse<String> response = get("/v1/releases/" + id + "/microdata", token);

        assertEquals(200, response.statusCode());
        assertEquals("text/csv; charset=utf-8", response.headers().firstValue("content-type").orElse(""));
        assertEquals("attachment; filename=\"tipx-release-" + id + ".csv\"",
                response.headers().firstValue("content-disposition").orElse(""));
        assertEquals(response.body(), get("/v1/releases/latest/microdata", token).body());
        List<Map<String, String>> rows = rows(response.body());
        assertEquals(count(manifest, "microdataRows"), rows.size());
        assertTrue(rows.stream().anyMatch(row -> row.containsValue("*")), "suppressed values");
        assertTrue(rows.stream().anyMatch(row -> row.get(CaseRecordTable.IDENTIFIED_BY).isEmpty()), "not recorded");
        // k = 11, rechecked here on the published cells: every column, status and identified_by included.
        assertEquals(CaseRecordTable.COLUMNS, CaseRecordTable.QUASI_IDENTIFIERS);
        Map<List<String>, Integer> classes = new HashMap<>();
        long suppressed = 0;
        for (Map<String, String> row : rows) {
            List<String> key = CaseRecordTable.QUASI_IDENTIFIERS.stream().map(row::get).toList();
            if (key.stream().allMatch("*"::equals)) {
                suppressed++;
            } else {
                classes.merge(key, 1, Integer::sum);
            }
        }
        assertTrue(suppressed <= Math.floor(0.05 * rows.size()));
        classes.values().forEach(size -> assertTrue(size >= 11, "class of " + size));
        // Names and birth dates were given in the upload; they reach neither manifest nor microdata.
        for (String planted : plantedIdentifiers("planted", 120)) {
            assertFalse(response.body().contains(planted), "microdata");
            assertFalse(get("/v1/releases/" + id).body().contains(planted), "manifest");
            assertFalse(get("/v1/releases/" + id, RunningTipx.ADMIN_TOKEN).body().contains(planted), "stored manifest");
        }
    }

    @Test
    void laterUpload_changesNoEarlierRelease() throws Exception {
        String token = newAgency("UA");
        server.uploadCsv(token, "2026-Q3", persons("frozen", 40, 0));
        String id = released().getString("id");
        String manifest = get("/v1/releases/" + id, RunningTipx.ADMIN_TOKEN).body();
        String microdata = get("/v1/releases/" + id + "/microdata", token).body();

        server.uploadCsv(token, "2026-Q3", persons("thaw", 60, 0)); // replaces the extract
        String later = released().getString("id");

        assertFalse(later.equals(id));
        assertEquals(manifest, get("/v1/releases/" + id, RunningTipx.ADMIN_TOKEN).body());
        assertEquals(microdata, get("/v1/releases/" + id + "/microdata", token).body());
        assertFalse(microdata.equals(get("/v1/releases/" + later + "/microdata", token).body()));
    }

    @Test
    void newRelease_isWhatThePublicStatisticsAnswerFrom() throws Exception {
        server.uploadCsv(newAgency("UA"), "2026-Q3", persons("stats", 40, 0));
        String id = released().getString("id");

        HttpResponse<String> comparison = get("/v1/comparisons?indicator=victims&countries=UA");

        assertEquals(200, comparison.statusCode(), comparison.body());
        assertEquals(id, comparison.headers().firstValue("Tipx-Release").orElse(""));

        HttpResponse<String> table = get("/v1/statistics?by=sex&country_of_identification=UA");
        assertEquals(200, table.statusCode(), table.body());
        assertEquals(id, table.headers().firstValue("Tipx-Release").orElse(""));
        assertTrue(table.body().contains("\"" + id + "\""), "the JSON body names its release: " + table.body());
        HttpResponse<String> pinned = get("/v1/statistics?by=sex&country_of_identification=UA&release=" + id);
        assertEquals(table.body(), pinned.body());
        assertEquals("public, max-age=31536000, immutable", pinned.headers().firstValue("Cache-Control").orElse(""));
    }

    // --- helpers ---

    private static String newAgency(String country) throws Exception {
        return server.agency("rel-" + AGENCIES.incrementAndGet(), country);
    }

    private static HttpResponse<String> post(String token) throws Exception {
        return server.send(server.request("/v1/releases").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return server.send(server.request(path));
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        return server.send(server.request(path).header("Authorization", "Bearer " + token));
    }

    /** Starts a release as the administrator and waits for its job; the whole manifest of the release it made. */
    private static JsonObject released() throws Exception {
        HttpResponse<String> accepted = post(RunningTipx.ADMIN_TOKEN);
        assertEquals(202, accepted.statusCode(), accepted.body());
        JsonObject job = awaitEnd(accepted);
        assertEquals("succeeded", job.getString("state"), job.toString());
        return adminManifest(job.getString("releaseId"));
    }

    private static JsonObject adminManifest(String id) throws Exception {
        HttpResponse<String> manifest = get("/v1/releases/" + id, RunningTipx.ADMIN_TOKEN);
        assertEquals(200, manifest.statusCode(), manifest.body());
        return parse(manifest.body());
    }

    /** The id of the agency holding {@code token}, as its own extracts list it. */
    private static String agencyOf(String token) throws Exception {
        return server.extracts(token).listExtracts().getItems().getFirst().getAgency();
    }

    /**
     * A manifest as anyone (or the agency {@code ownAgency}) may read it: no exact counts of persons or
     * records, and row counts and hashes of the agency's own extracts only.
     */
    private static void assertPublic(JsonObject manifest, Optional<String> ownAgency) {
        assertFalse(manifest.containsKey("counts"), "exact totals");
        assertTrue(manifest.containsKey("protectedCounts"));
        for (JsonObject extract : manifest.getJsonArray("extracts").getValuesAs(JsonObject.class)) {
            boolean own = ownAgency.filter(extract.getString("agency")::equals).isPresent();
            assertEquals(own, extract.containsKey("rows"), extract.toString());
            assertEquals(own, extract.containsKey("sha256"), extract.toString());
            assertTrue(extract.containsKey("id") && extract.containsKey("period") && extract.containsKey("country"));
        }
        JsonObject microdata = manifest.getJsonObject("microdata");
        for (String exact : List.of("suppressedRecords", "classes", "smallestClass")) {
            assertFalse(microdata.containsKey(exact), exact);
        }
        assertTrue(microdata.getJsonNumber("suppressedShare").bigDecimalValue().scale() <= 2);
        assertTrue(manifest.getJsonObject("cellKey").containsKey("effect"));
    }

    /** Follows the job that {@code accepted} names until it ends; its final state. */
    private static JsonObject awaitEnd(HttpResponse<String> accepted) throws Exception {
        String location = accepted.headers().firstValue("location").orElseThrow();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            HttpResponse<String> response = server.send(server.request(location)
                    .header("Authorization", "Bearer " + RunningTipx.ADMIN_TOKEN));
            assertEquals(200, response.statusCode(), response.body());
            JsonObject job = parse(response.body());
            String state = job.getString("state");
            if (!state.equals("queued") && !state.equals("running")) {
                return job;
            }
            assertTrue(System.nanoTime() < deadline, "job still " + state);
            Thread.sleep(20);
        }
    }

    private static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    private static long count(JsonObject manifest, String name) {
        return manifest.getJsonObject("counts").getJsonNumber(name).longValue();
    }

    /**
     * {@code n} people registered in July 2026, identified by name and birth date (so the same {@code tag}
     * and index is the same person through any agency); a quarter without identified_by, one in 40 an outlier.
     */
    static String persons(String tag, int n, int offset) {
        StringBuilder csv = new StringBuilder("record_id,registration_date,status,sex,age,citizenship,exploitation,"
                + "identified_by,given_name,family_name,birth_date,document_number\n");
        for (int i = offset; i < offset + n; i++) {
            // One person in 40 is an outlier in every quasi-identifier, which only suppression hides well.
            boolean outlier = i % 40 == 39;
            csv.append(String.join(",", tag + "-" + i, String.format(Locale.ROOT, "2026-07-%02d", 1 + i % 28),
                    i % 3 == 0 ? "presumed" : "confirmed", outlier ? "other" : i % 2 == 0 ? "female" : "male",
                    String.valueOf(outlier ? 71 : 18 + i % 30), outlier ? "JP" : i % 5 == 0 ? "MD" : "UA",
                    outlier ? "organ_removal" : i % 2 == 0 ? "sexual" : "forced_labour",
                    i % 4 == 0 ? "" : "police", "Given" + tag + i, "Family" + tag, birthDate(i).toString(), ""))
                    .append('\n');
        }
        return csv.toString();
    }

    private static List<String> plantedIdentifiers(String tag, int n) {
        List<String> planted = new ArrayList<>(List.of("Family" + tag, "Given" + tag));
        for (int i = 0; i < n; i++) {
            planted.add(birthDate(i).toString());
        }
        return planted;
    }

    private static LocalDate birthDate(int i) {
        return LocalDate.of(1971, 3, 1).plusDays(37L * i);
    }

    private static List<Map<String, String>> rows(String csv) {
        Dataset parsed = Dataset.readCsv(new StringReader(csv), ',');
        List<Map<String, String>> rows = new ArrayList<>();
        for (int r = 0; r < parsed.size(); r++) {
            Map<String, String> row = new HashMap<>();
            for (int c = 0; c < parsed.columns().size(); c++) {
                row.put(parsed.columns().get(c), parsed.get(r, c));
            }
            rows.add(row);
        }
        return rows;
    }
}
