package org.tipx.api.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Plain HTTP to a tipx server, as any client would speak it. A {@code 429} is waited out (its
 * {@code Retry-After}) and asked again, so that the suite also runs against a server with its rate limit
 * on, only slower. Tokens go into the {@code Authorization} header and nowhere else. Thread-safe.
 */
final class TipxHttp implements AutoCloseable {

    /** A response: status, body, and the headers the suite reads. */
    record Reply(int status, String body, Optional<String> location, Optional<String> release) {
        boolean ok() {
            return status == 200;
        }
    }

    private static final int MAX_RATE_LIMIT_WAITS = 100;

    private final URI base;
    private final HttpClient http;

    TipxHttp(URI base) {
        this.base = Objects.requireNonNull(base, "base");
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    URI base() {
        return base;
    }

    Reply get(String pathAndQuery, Optional<String> token) {
        return send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).GET(), token);
    }

    Reply post(String pathAndQuery, Optional<String> token, String contentType, String body) {
        return send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), token);
    }

    private Reply send(HttpRequest.Builder request, Optional<String> token) {
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        request.timeout(Duration.ofMinutes(5));
        HttpRequest built = request.build();
        try {
            for (int attempt = 0; ; attempt++) {
                HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (response.statusCode() == 429 && attempt < MAX_RATE_LIMIT_WAITS) {
                    long seconds = response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
                    Thread.sleep(Duration.ofSeconds(Math.max(1, seconds)));
                    continue;
                }
                return new Reply(response.statusCode(), response.body(), response.headers().firstValue("Location"),
                        response.headers().firstValue("Tipx-Release"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("HTTP " + built.method() + " " + built.uri().getPath() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
