package org.tipx.api.drill;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.FileNotFoundException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.tipx.api.domain.Period;

/**
 * What a drill asks of a running tipx, over HTTP as clients do. Every answer it reports is one the client
 * actually received: a request cut off by a kill completes exceptionally or with an empty answer, never
 * with a guess. Thread-safe.
 */
final class DrillHttp {

    /**
     * Longer than any upload or release of a drill takes; only a server that hangs reaches it.
     */
    static final Duration ANSWER_LIMIT = Duration.ofMinutes(2);

    /** Release requests wait for their job on threads of their own, as a client would. */
    private static final java.util.concurrent.Executor FOLLOWERS =
            java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();

    private final HttpClient http;
    private final String adminToken;

    DrillHttp(HttpClient http, String adminToken) {
        this.http = http;
        this.adminToken = adminToken;
    }

    HttpClient client() {
        return http;
    }

    /** Registers an agency of country UA (the synthetic extracts' country) and returns its token. */
    String registerAgency(URI base, String id) throws Exception {
        String body = Json.createObjectBuilder().add("id", id).add("name", "Drill " + id).add("country", "UA")
                .add("type", "police").build().toString();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/v1/agencies"))
                .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("registering agency " + id + " answered " + response.statusCode());
        }
        return json(response.body()).getString("token");
    }

    /** Uploads a CSV extract; acknowledged with the extract's id and rows when a 201 arrives. */
    CompletableFuture<Answer<AcknowledgedExtract>> upload(URI base, String token, Period period, Path csv) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(base.resolve("/v1/extracts?period=" + period))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                    .timeout(ANSWER_LIMIT).POST(HttpRequest.BodyPublishers.ofFile(csv)).build();
        } catch (FileNotFoundException e) {
            throw new UncheckedIOException(e);
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .handle((response, failure) -> {
                    if (failure != null || response.statusCode() != 201) {
                        return Answer.refused(response, failure);
                    }
                    JsonObject extract = json(response.body());
                    return Answer.acknowledged(new AcknowledgedExtract(extract.getString("id"),
                            extract.getJsonNumber("rows").longValueExact()), "201");
                });
    }

    /**
     * Requests a release and follows its job: {@code POST /v1/releases} answers 202 with the job's
     * {@code Location}, which is polled until the job ends; acknowledged, with the manifest as
     * {@code GET /v1/releases/{id}} serves it to the administrator, once the job says {@code succeeded}.
     */
    CompletableFuture<Answer<AcknowledgedRelease>> requestRelease(URI base) {
        return CompletableFuture.supplyAsync(() -> followRelease(base), FOLLOWERS);
    }

    private Answer<AcknowledgedRelease> followRelease(URI base) {
        long deadline = System.nanoTime() + ANSWER_LIMIT.toNanos();
        try {
            HttpResponse<String> accepted = http.send(admin(base.resolve("/v1/releases"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (accepted.statusCode() != 202) {
                return Answer.refused(accepted, null);
            }
            URI job = base.resolve(accepted.headers().firstValue("Location").orElseThrow());
            while (true) {
                HttpResponse<String> polled = http.send(admin(job).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (polled.statusCode() != 200) {
                    return Answer.refused(polled, null);
                }
                JsonObject state = json(polled.body());
                switch (state.getString("state")) {
                    case "succeeded" -> {
                        String id = state.getString("releaseId");
                        // As the administrator: the stored manifest, byte for byte, which the store check compares.
                        HttpResponse<String> manifest = http.send(admin(base.resolve("/v1/releases/" + id)).build(),
                                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                        return manifest.statusCode() == 200
                                ? Answer.acknowledged(new AcknowledgedRelease(id, manifest.body()), "succeeded")
                                : Answer.refused(manifest, null);
                    }
                    case "failed", "abandoned" -> {
                        return new Answer<>(Optional.empty(), "job " + state.getString("state"));
                    }
                    default -> {
                        if (System.nanoTime() > deadline) {
                            return Answer.refused(null, new java.net.http.HttpTimeoutException("job still running"));
                        }
                        Thread.sleep(50);
                    }
                }
            }
        } catch (java.io.IOException e) {
            return Answer.refused(null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.refused(null, e);
        }
    }

    private HttpRequest.Builder admin(URI uri) {
        return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + adminToken).timeout(ANSWER_LIMIT);
    }

    /** The release's microdata as served, or empty when no complete 200 arrived. */
    CompletableFuture<Optional<String>> microdata(URI base, String releaseId) {
        // The microdata is for registered users: the administrator here.
        HttpRequest request = admin(base.resolve("/v1/releases/" + releaseId + "/microdata")).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .handle((response, failure) -> failure != null || response.statusCode() != 200
                        ? Optional.empty() : Optional.of(response.body()));
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    /**
     * What a request got.
     *
     * @param acknowledged present when tipx acknowledged the request
     * @param outcome      the status code, {@code no answer} (the connection ended: the kill) or
     *                     {@code no answer in N s} (a server that hung)
     */
    record Answer<T>(Optional<T> acknowledged, String outcome) {
        static <T> Answer<T> acknowledged(T value, String outcome) {
            return new Answer<>(Optional.of(value), outcome);
        }

        static <T> Answer<T> refused(HttpResponse<?> response, Throwable failure) {
            if (failure == null) {
                return new Answer<>(Optional.empty(), Integer.toString(response.statusCode()));
            }
            Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            return new Answer<>(Optional.empty(), cause instanceof java.net.http.HttpTimeoutException
                    ? "no answer in " + ANSWER_LIMIT.toSeconds() + " s" : "no answer");
        }

        boolean timedOut() {
            return outcome.startsWith("no answer in");
        }
    }

    /** An extract tipx answered 201 for. */
    record AcknowledgedExtract(String id, long rows) {
    }

    /** A release tipx acknowledged, with the manifest exactly as it was served. */
    record AcknowledgedRelease(String id, String manifest) {
    }
}
