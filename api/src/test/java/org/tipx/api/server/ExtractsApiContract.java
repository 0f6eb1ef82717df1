package org.tipx.api.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.tipx.client.ApiException;
import org.tipx.client.ApiResponse;
import org.tipx.client.model.Extract;

/**
 * The Extracts endpoints against a running server: the contract's upload rules, end to end. Runs once per
 * store: {@link EmbeddedExtractsApiTest} and {@link PostgresExtractsApiTest} start the server.
 */
abstract class ExtractsApiContract {

    static final long LIMIT = 64 * 1024;
    private static final AtomicInteger AGENCIES = new AtomicInteger();

    /** Started by the subclass's {@code @BeforeAll}, stopped by its {@code @AfterAll}. */
    static RunningTipx server;

    private static String newAgency() throws ApiException {
        return server.agency("ext-" + AGENCIES.incrementAndGet(), "UA");
    }

    @Test
    void validCsvIsStoredAndReadBack() throws Exception {
        String token = newAgency();
        ApiResponse<Extract> created = server.uploadCsv(token, "2026-Q3", Extracts.csv(25, "a"));
        assertEquals(201, created.getStatusCode());
        Extract extract = created.getData();
        assertEquals(25L, extract.getRows());
        assertEquals(25L, extract.getLinkedRows(), "every row has name and birth date");
        assertEquals("2026-Q3", extract.getPeriod());
        assertEquals("text/csv", extract.getMediaType());
        assertTrue(extract.getCurrent());
        assertEquals(List.of("/v1/extracts/" + extract.getId()), created.getHeaders().get("location"));
        assertEquals(extract.getId(), server.extracts(token).getExtract(extract.getId()).getId());
        assertEquals(25, countRecords(extract.getId()));
    }

    @Test
    void ndjsonIsAccepted() throws Exception {
        String token = newAgency();
        ApiResponse<Extract> created = server.upload(token, "2026-Q3", "application/x-ndjson", Extracts.ndjson(7));
        assertEquals(201, created.getStatusCode());
        assertEquals(7L, created.getData().getRows());
        assertEquals(0L, created.getData().getLinkedRows(), "no identifiers: pseudonyms from agency and record_id");
        assertEquals("application/x-ndjson", created.getData().getMediaType());
    }

    @Test
    void byteIdenticalReuploadAnswersTheSameIdAndStoresNothing() throws Exception {
        String token = newAgency();
        String csv = Extracts.csv(10, "same");
        Extract first = server.uploadCsv(token, "2026-Q3", csv).getData();
        ApiResponse<Extract> again = server.uploadCsv(token, "2026-Q3", csv);
        assertEquals(200, again.getStatusCode());
        assertEquals(first.getId(), again.getData().getId());
        assertEquals(1, server.extracts(token).listExtracts().getItems().size());
        assertEquals(10, countRecords(first.getId()));
    }

    @Test
    void newUploadReplacesTheCurrentOneAndKeepsTheOld() throws Exception {
        String token = newAgency();
        Extract first = server.uploadCsv(token, "2026-Q3", Extracts.csv(10, "v1")).getData();
        ApiResponse<Extract> second = server.uploadCsv(token, "2026-Q3", Extracts.csv(12, "v2"));
        assertEquals(201, second.getStatusCode());
        assertEquals(first.getId(), second.getData().getReplaces());
        List<Extract> items = server.extracts(token).listExtracts().getItems();
        assertEquals(List.of(second.getData().getId(), first.getId()), items.stream().map(Extract::getId).toList(),
                "newest first");
        assertFalse(server.extracts(token).getExtract(first.getId()).getCurrent());
        assertEquals(10, countRecords(first.getId()), "earlier releases keep what they were built from");
        assertEquals(12, countRecords(second.getData().getId()));
        // Another period is another unit of replacement.
        Extract otherPeriod = server.uploadCsv(token, "2026-Q2", Extracts.csv(3, "q2").replace("2026-07-", "2026-04-")).getData();
        assertEquals(null, otherPeriod.getReplaces());
    }

    @Test
    void anyInvalidRowRejectsTheWholeExtractWithEveryProblem() throws Exception {
        String token = newAgency();
        String csv = Extracts.HEADER + "\n"
                + Extracts.row("ok-1", "2026-07-01", 1) + "\n"
                + "bad-2,2026-07-02,confirmed,robot,30,UA,sexual,,,,\n"
                + "bad-3,2026-10-02,confirmed,female,130,QQ,sexual,,,,\n";
        HttpResponse<String> response = server.send(server.request("/v1/extracts?period=2026-Q3")
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)));
        assertEquals(422, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("content-type").orElse(""));
        JsonObject problem = Json.createReader(new StringReader(response.body())).readObject();
        assertEquals(422, problem.getInt("status"));
        assertEquals("urn:tipx:problem:invalid-extract", problem.getString("type"));
        JsonArray errors = problem.getJsonArray("errors");
        List<String> found = errors.stream().map(JsonObject.class::cast)
                .map(e -> e.getJsonNumber("row").longValue() + ":" + e.getString("field") + ":" + e.getString("code"))
                .toList();
        assertTrue(found.contains("2:sex:unknown_code"), found.toString());
        assertTrue(found.stream().anyMatch(f -> f.startsWith("3:registration_date:")), found.toString());
        assertTrue(found.contains("3:age:out_of_range"), found.toString());
        assertTrue(found.contains("3:citizenship:unknown_country"), found.toString());
        errors.stream().map(JsonObject.class::cast).forEach(e -> assertFalse(e.getString("message").isBlank()));
        assertTrue(server.extracts(token).listExtracts().getItems().isEmpty(), "nothing stored");
    }

    private static HttpResponse<String> post(String token, String query, String mediaType,
                                             HttpRequest.BodyPublisher body) throws Exception {
        return server.send(server.request("/v1/extracts?" + query)
                .header("Authorization", "Bearer " + token).header("Content-Type", mediaType).POST(body));
    }

    /** The codes of a 422 answer's errors, after checking that it is one and names no class. */
    private static List<String> invalidExtractCodes(HttpResponse<String> response) {
        assertEquals(422, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("content-type").orElse(""));
        assertFalse(response.body().contains("org.tipx") || response.body().contains("class ")
                || response.body().contains("Validator") || response.body().contains("Exception"), response.body());
        JsonObject problem = Json.createReader(new StringReader(response.body())).readObject();
        assertEquals("urn:tipx:problem:invalid-extract", problem.getString("type"));
        return problem.getJsonArray("errors").stream().map(JsonObject.class::cast).map(e -> e.getString("code")).toList();
    }

    private static String firstMessage(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject().getJsonArray("errors")
                .getJsonObject(0).getString("message");
    }

    @Test
    void anEmptyBodyIs422_missingHeaderForCsv_noRecordsForNdjson() throws Exception {
        String token = newAgency();
        assertEquals(List.of("missing_header"),
                invalidExtractCodes(post(token, "period=2026-Q3", "text/csv", HttpRequest.BodyPublishers.noBody())));
        assertEquals(List.of("missing_header"),
                invalidExtractCodes(post(token, "period=2026-Q3", "text/csv", HttpRequest.BodyPublishers.ofString(""))));
        assertEquals(List.of("no_records"), invalidExtractCodes(
                post(token, "period=2026-Q3", "application/x-ndjson", HttpRequest.BodyPublishers.noBody())));
        assertTrue(server.extracts(token).listExtracts().getItems().isEmpty(), "nothing stored");
    }

    @Test
    void aHeaderOnlyExtractIsRefused_unlessTheAgencyDeclaresNoCases() throws Exception {
        String token = newAgency();
        Extract real = server.uploadCsv(token, "2026-Q3", Extracts.csv(3, "real")).getData();

        HttpResponse<String> headerOnly = post(token, "period=2026-Q3", "text/csv",
                HttpRequest.BodyPublishers.ofString(Extracts.HEADER + "\n"));
        assertEquals(List.of("no_records"), invalidExtractCodes(headerOnly));
        assertTrue(firstMessage(headerOnly).contains("no_cases=true"), headerOnly.body());
        assertTrue(server.extracts(token).getExtract(real.getId()).getCurrent(), "the real extract stays current");
        assertEquals(1, server.extracts(token).listExtracts().getItems().size());

        HttpResponse<String> declared = post(token, "period=2026-Q3&no_cases=true", "text/csv",
                HttpRequest.BodyPublishers.ofString(Extracts.HEADER + "\n"));
        assertEquals(201, declared.statusCode(), declared.body());
        JsonObject empty = Json.createReader(new StringReader(declared.body())).readObject();
        assertEquals(0, empty.getInt("rows"));
        assertEquals(real.getId(), empty.getString("replaces"));

        HttpResponse<String> emptyNdjson = post(token, "period=2026-Q2&no_cases=true", "application/x-ndjson",
                HttpRequest.BodyPublishers.noBody());
        assertEquals(201, emptyNdjson.statusCode(), emptyNdjson.body());

        HttpResponse<String> contradictory = post(token, "period=2026-Q3&no_cases=true", "text/csv",
                HttpRequest.BodyPublishers.ofString(Extracts.csv(2, "contradicts")));
        assertEquals(List.of("records_with_no_cases"), invalidExtractCodes(contradictory));
        assertTrue(server.extracts(token).getExtract(empty.getString("id")).getCurrent(),
                "the declared empty quarter stays current");
        assertEquals(3, server.extracts(token).listExtracts().getItems().size());
    }

    @Test
    void aSemicolonSeparatedExtractIsOneProblemSayingHowToSaveItWithCommas() throws Exception {
        String token = newAgency();
        String semicolons = Extracts.HEADER.replace(',', ';') + "\n"
                + "r1;2026-07-01;confirmed;female;30;UA;sexual;;;;\n";

        HttpResponse<String> response = post(token, "period=2026-Q3", "text/csv",
                HttpRequest.BodyPublishers.ofString(semicolons));

        assertEquals(List.of("wrong_separator"), invalidExtractCodes(response));
        assertTrue(firstMessage(response).contains("semicolon-separated"), response.body());
        assertTrue(server.extracts(token).listExtracts().getItems().isEmpty(), "nothing stored");
    }

    @Test
    void rejectedReplacementLeavesTheCurrentExtractCurrent() throws Exception {
        String token = newAgency();
        Extract good = server.uploadCsv(token, "2026-Q3", Extracts.csv(5, "g")).getData();
        ApiException rejected = assertThrows(ApiException.class,
                () -> server.uploadCsv(token, "2026-Q3", Extracts.csv(5, "b").replace("female", "femme")));
        assertEquals(422, rejected.getCode());
        assertTrue(server.extracts(token).getExtract(good.getId()).getCurrent());
        assertEquals(1, server.extracts(token).listExtracts().getItems().size());
    }

    @Test
    void tooLargeIsRefusedWith413AndNothingStored() throws Exception {
        String token = newAgency();
        String big = Extracts.csv(2000, "big");
        assertTrue(big.length() > LIMIT);
        ApiException e = assertThrows(ApiException.class, () -> server.uploadCsv(token, "2026-Q3", big));
        assertEquals(413, e.getCode());
        assertTrue(e.getResponseBody().contains("urn:tipx:problem:extract-too-large"), e.getResponseBody());
        // Without a Content-Length the limit holds while streaming.
        HttpResponse<String> chunked = server.send(server.request("/v1/extracts?period=2026-Q3")
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big.getBytes(UTF_8)))));
        assertEquals(413, chunked.statusCode());
        assertTrue(server.extracts(token).listExtracts().getItems().isEmpty());
    }

    @Test
    void unsupportedMediaTypeIs415() throws Exception {
        String token = newAgency();
        ApiException e = assertThrows(ApiException.class,
                () -> server.upload(token, "2026-Q3", "application/vnd.ms-excel", Extracts.csv(1, "x")));
        assertEquals(415, e.getCode());
    }

    @Test
    void badOrMissingPeriodIs400() throws Exception {
        String token = newAgency();
        for (String query : List.of("", "?period=2026-Q5", "?period=26-Q1", "?period=2999-Q1")) {
            HttpResponse<String> response = server.send(server.request("/v1/extracts" + query)
                    .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofString(Extracts.csv(1, "p"))));
            assertEquals(400, response.statusCode(), query);
            assertEquals("application/problem+json", response.headers().firstValue("content-type").orElse(""), query);
        }
    }

    @Test
    void withoutAValidTokenEverythingIs401() throws Exception {
        for (String token : new String[] {null, "tipx_not-a-real-token"}) {
            ApiException list = assertThrows(ApiException.class, () -> server.extracts(token).listExtracts());
            assertEquals(401, list.getCode());
            ApiException upload = assertThrows(ApiException.class,
                    () -> server.uploadCsv(token == null ? "" : token, "2026-Q3", Extracts.csv(1, "t")));
            assertEquals(401, upload.getCode());
        }
        HttpResponse<String> response = server.send(server.request("/v1/extracts"));
        assertEquals("Bearer realm=\"tipx\"", response.headers().firstValue("www-authenticate").orElse(""));
        assertEquals("application/problem+json", response.headers().firstValue("content-type").orElse(""));
    }

    @Test
    void anAgencySeesOnlyItsOwnExtracts() throws Exception {
        String owner = newAgency();
        String other = newAgency();
        Extract extract = server.uploadCsv(owner, "2026-Q3", Extracts.csv(3, "own")).getData();
        ApiException e = assertThrows(ApiException.class, () -> server.extracts(other).getExtract(extract.getId()));
        assertEquals(404, e.getCode());
        ApiException missing = assertThrows(ApiException.class, () -> server.extracts(other).getExtract("ex-nope"));
        assertEquals(404, missing.getCode());
        assertEquals(e.getResponseBody().replace(extract.getId(), "ID"), missing.getResponseBody().replace("ex-nope", "ID"),
                "someone else's extract is indistinguishable from a missing one");
        assertTrue(server.extracts(other).listExtracts().getItems().isEmpty());
    }

    @Test
    void tokenRevokedDuringTheUpload_answers401AndStoresNothing() throws Exception {
        String id = "ext-" + AGENCIES.incrementAndGet();
        String token = server.agency(id, "UA");
        byte[] csv = Extracts.csv(20, "revoked").getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.base().getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/extracts?period=2026-Q3 HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: text/csv\r\nContent-Length: " + csv.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(csv, 0, csv.length / 2);
            out.flush();
            // The write has begun once the first half is read; the revocation comes before the commit.
            Thread.sleep(300);
            server.admin().revokeAgencyToken(id);
            out.write(csv, csv.length / 2, csv.length - csv.length / 2);
            out.flush();
            assertEquals(401, RawHttp.status(socket.getInputStream()));
        }
        assertTrue(server.tipx().store().extracts(id).isEmpty(), "nothing stored");
    }

    private static int countRecords(String extractId) {
        AtomicInteger n = new AtomicInteger();
        server.tipx().store().records(extractId, record -> n.incrementAndGet());
        return n.get();
    }
}
