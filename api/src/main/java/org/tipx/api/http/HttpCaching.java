package org.tipx.api.http;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

import org.tipx.api.domain.PublishedReleases;

/**
 * Conditional GET for the public read endpoints: a strong {@code ETag}, {@code If-None-Match} answered
 * with {@code 304} and no body (RFC 9110 §13.1.2), {@code Cache-Control} and {@code Vary}.
 *
 * <p>An ETag is a hash of whatever determines the representation's bytes: for a table, the release
 * id, the normalised query and the representation; for a small document, its bytes. A release is
 * immutable, so the tag of a pinned answer never changes and a revalidation needs no table.
 * Stateless and thread-safe.
 */
public final class HttpCaching {

    /** A year: the longest max-age RFC 9111 suggests caches honour. */
    public static final Duration IMMUTABLE_MAX_AGE = Duration.ofDays(365);
    /** How long an answer for {@code latest} may be reused: a new release moves it. */
    public static final Duration LATEST_MAX_AGE = Duration.ofSeconds(60);

    private static final HeaderName VARY = HeaderNames.VARY;

    private HttpCaching() {
    }

    /**
     * How a representation may be cached.
     *
     * @param maxAge       how long a cache may reuse it without revalidating
     * @param neverChanges true when the representation will never change ({@code immutable}, RFC 8246)
     * @param shared       true when it is the same for everyone, so any cache may keep it; false for an answer
     *                     to one authenticated reader, which no cache may keep ({@code private, no-store})
     */
    public record Policy(Duration maxAge, boolean neverChanges, boolean shared) {
        public Policy {
            Objects.requireNonNull(maxAge, "maxAge");
            if (maxAge.isNegative()) {
                throw new IllegalArgumentException("maxAge must not be negative, was " + maxAge);
            }
        }

        /** A representation that is the same for everyone. */
        public Policy(Duration maxAge, boolean neverChanges) {
            this(maxAge, neverChanges, true);
        }

        /** For an answer pinned to an immutable release: a year, {@code immutable}. */
        public static Policy pinned() {
            return new Policy(IMMUTABLE_MAX_AGE, true);
        }

        /** For an answer that may change (say when a release is published): reuse for {@code maxAge}, then revalidate. */
        public static Policy revalidateAfter(Duration maxAge) {
            return new Policy(maxAge, false);
        }

        /**
         * For an answer from the release a client asked for: {@link #pinned()} for a release id, whose
         * answers never change; {@link #LATEST_MAX_AGE} for {@code latest}, which moves when a new
         * release is published.
         */
        public static Policy forRelease(String askedId) {
            return askedId.equals(PublishedReleases.LATEST) ? revalidateAfter(LATEST_MAX_AGE) : pinned();
        }

        /**
         * For an answer to an authenticated reader (what their token entitles them to see): kept by no
         * cache, neither a shared one, which would hand it to the next client, nor the client's own disk.
         */
        public static Policy forOneReader() {
            return new Policy(Duration.ZERO, false, false);
        }

        /** The {@code Cache-Control} value. */
        public String cacheControl() {
            if (!shared) {
                return "private, no-store";
            }
            return "public, max-age=" + maxAge.toSeconds() + (neverChanges ? ", immutable" : "");
        }
    }

    /** A strong entity tag over these parts (each length-prefixed, so parts cannot run into each other). */
    public static String etag(String... parts) {
        MessageDigest digest = sha256();
        for (String part : parts) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
            digest.update((byte) ':');
            digest.update(bytes);
        }
        return quote(digest.digest());
    }

    /** A strong entity tag over a representation's bytes. */
    public static String etag(byte[] representation) {
        return quote(sha256().digest(representation));
    }

    /**
     * True when the request's {@code If-None-Match} matches {@code etag}: answer it with
     * {@link #notModified}. Check before building the representation, so a match costs nothing else.
     */
    public static boolean matches(ServerRequest request, String etag) {
        return request.headers().first(HeaderNames.IF_NONE_MATCH)
                .map(header -> matches(header, etag))
                .orElse(false);
    }

    /**
     * Sets {@code ETag}, {@code Cache-Control} and, when given, {@code Vary}. Set them only on the
     * answer they describe (a 200 or its 304), never on an error, or a cache would keep the error.
     *
     * @param vary request headers the representation depends on, e.g. {@code Accept}; may be empty
     */
    public static void validators(ServerResponse response, String etag, Policy policy, List<String> vary) {
        response.header(HeaderNames.ETAG, etag);
        response.header(HeaderNames.CACHE_CONTROL, policy.cacheControl());
        if (!vary.isEmpty()) {
            response.header(VARY, String.join(", ", vary));
        }
    }

    /** Answers {@code 304} with these validators and no body (RFC 9110 §15.4.5 wants them repeated). */
    public static void notModified(ServerResponse response, String etag, Policy policy, List<String> vary) {
        validators(response, etag, policy, vary);
        response.status(Status.NOT_MODIFIED_304);
        response.send();
    }

    /**
     * Sends a whole representation with its validators: {@code 304} when {@code If-None-Match}
     * matches the tag of {@code body}, else {@code 200} with the body and a Content-Length.
     */
    public static void send(ServerRequest request, ServerResponse response, String mediaType, byte[] body,
                            Policy policy, List<String> vary) {
        String etag = etag(body);
        if (matches(request, etag)) {
            notModified(response, etag, policy, vary);
            return;
        }
        validators(response, etag, policy, vary);
        response.status(Status.OK_200);
        response.header(HeaderNames.CONTENT_TYPE, mediaType);
        response.send(body);
    }

    /**
     * RFC 9110 §13.1.2: {@code *} matches any current representation; otherwise the weak comparison
     * of each listed tag with ours ({@code W/} ignored).
     */
    static boolean matches(String ifNoneMatch, String etag) {
        String trimmed = ifNoneMatch.trim();
        if (trimmed.equals("*")) {
            return true;
        }
        String opaque = opaque(etag);
        for (String candidate : trimmed.split(",")) {
            if (opaque(candidate.trim()).equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    private static String quote(byte[] hash) {
        // 128 bits are plenty for a validator, and keep the header short.
        return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(hash, 16)) + "\"";
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
