package org.tipx.api.http;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rate limit for anonymous clients: {@code quota} requests per {@code window} and client address,
 * enforced as a token bucket of size {@code quota} that refills evenly over the window (so a client
 * may burst up to the quota, then continue at quota/window). Named in the
 * {@code RateLimit-Policy} and {@code RateLimit} headers (draft-ietf-httpapi-ratelimit-headers).
 *
 * @param name   the policy id in the headers
 * @param quota  the bucket size: requests a client may make at once
 * @param window the time in which an empty bucket refills
 */
public record RateLimitPolicy(String name, int quota, Duration window) {

    private static final Pattern SPEC = Pattern.compile("([0-9]{1,9})/([0-9]{1,9})s?");
    private static final Pattern TOKEN = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

    // After the patterns: static fields initialise in order, and the constructor uses TOKEN.
    /** The default: 120 requests per minute and client address. */
    public static final RateLimitPolicy DEFAULT = new RateLimitPolicy("anonymous", 120, Duration.ofSeconds(60));

    public RateLimitPolicy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(window, "window");
        if (!TOKEN.matcher(name).matches()) {
            throw new IllegalArgumentException("policy name must be a short lower-case token, was '" + name + "'");
        }
        if (quota < 1) {
            throw new IllegalArgumentException("quota must be at least 1, was " + quota);
        }
        if (window.toSeconds() < 1) {
            throw new IllegalArgumentException("window must be at least one second, was " + window);
        }
    }

    /**
     * Reads {@code QUOTA/SECONDS} (e.g. {@code 120/60}, {@code 120/60s}) or {@code off}; empty means off.
     *
     * @throws IllegalArgumentException on anything else, quoting the value
     */
    public static Optional<RateLimitPolicy> parse(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (value.equals("off")) {
            return Optional.empty();
        }
        Matcher m = SPEC.matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException("rate limit must be QUOTA/SECONDS (e.g. 120/60) or off, was '" + text + "'");
        }
        return Optional.of(new RateLimitPolicy(DEFAULT.name(), Integer.parseInt(m.group(1)),
                Duration.ofSeconds(Long.parseLong(m.group(2)))));
    }

    /** The {@code RateLimit-Policy} field value, e.g. {@code "anonymous";q=120;w=60}. */
    public String headerValue() {
        return "\"" + name + "\";q=" + quota + ";w=" + window.toSeconds();
    }
}
