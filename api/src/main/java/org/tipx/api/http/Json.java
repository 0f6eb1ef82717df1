package org.tipx.api.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.nio.charset.StandardCharsets;

/**
 * JSON bodies written as bytes with a Content-Length: with Helidon 4.3 a JSON-B entity goes out chunked,
 * and small chunked answers meet Nagle's algorithm and delayed ACKs (see STACK.md).
 */
final class Json {

    static final String MEDIA_TYPE = "application/json";
    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(false));

    private Json() {
    }

    static void send(ServerResponse res, Status status, Object body) {
        send(res, status, MEDIA_TYPE, body);
    }

    /** The body's JSON as UTF-8 bytes, e.g. to tag them before sending. */
    static byte[] bytes(Object body) {
        return JSONB.toJson(body).getBytes(StandardCharsets.UTF_8);
    }

    static void send(ServerResponse res, Status status, String mediaType, Object body) {
        byte[] bytes = bytes(body);
        res.status(status);
        res.header(HeaderNames.CONTENT_TYPE, mediaType);
        res.send(bytes);
    }

    static <T> T read(byte[] json, Class<T> type) {
        return JSONB.fromJson(new String(json, StandardCharsets.UTF_8), type);
    }
}
