package org.tipx.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tipx.api.format.TableFormat;

class HttpCachingTest {

    @Test
    void etag_isStrongQuoted_andSeparatesItsParts() {
        String tag = HttpCaching.etag("release-1", "by=sex");
        assertTrue(tag.matches("\"[A-Za-z0-9_-]{22}\""), tag);
        assertEquals(tag, HttpCaching.etag("release-1", "by=sex"));
        assertNotEquals(tag, HttpCaching.etag("release-1b", "y=sex"), "parts are length-prefixed");
        assertEquals(HttpCaching.etag("abc".getBytes(StandardCharsets.UTF_8)),
                HttpCaching.etag("abc".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void ifNoneMatch_readsListsWeakTagsAndTheStar() {
        String tag = "\"abc\"";
        assertTrue(HttpCaching.matches("\"abc\"", tag));
        assertTrue(HttpCaching.matches("\"x\", \"abc\"", tag));
        assertTrue(HttpCaching.matches("W/\"abc\"", tag), "If-None-Match uses the weak comparison");
        assertTrue(HttpCaching.matches("*", tag));
        assertFalse(HttpCaching.matches("\"abcd\"", tag));
        assertFalse(HttpCaching.matches("abc", tag), "an unquoted value is no entity tag");
    }

    @Test
    void policy_pinnedIsImmutableForAYear_latestRevalidates() {
        assertEquals("public, max-age=31536000, immutable", HttpCaching.Policy.pinned().cacheControl());
        assertEquals("public, max-age=60", HttpCaching.Policy.revalidateAfter(Duration.ofSeconds(60)).cacheControl());
    }

    @Test
    void negotiation_picksTheHighestQuality_andRefusesWhatItCannotOffer() {
        assertEquals(Optional.of(TableFormat.JSON), ContentNegotiation.negotiate(Optional.empty()));
        assertEquals(Optional.of(TableFormat.CSV), ContentNegotiation.negotiate(Optional.of("text/csv")));
        assertEquals(Optional.of(TableFormat.JSONSTAT),
                ContentNegotiation.negotiate(Optional.of("application/json-stat+json, application/json;q=0.5")));
        assertEquals(Optional.of(TableFormat.JSON), ContentNegotiation.negotiate(Optional.of("application/*")));
        assertEquals(Optional.of(TableFormat.CSV), ContentNegotiation.negotiate(Optional.of("*/*;q=0.1, text/csv")));
        assertEquals(Optional.of(TableFormat.CSV), ContentNegotiation.negotiate(Optional.of("application/json;q=0, */*")),
                "q=0 excludes JSON even under a wildcard");
        assertEquals(Optional.empty(), ContentNegotiation.negotiate(Optional.of("application/xml")));
        assertEquals(Optional.empty(), ContentNegotiation.negotiate(Optional.of("text/csv;q=0")));
    }

    @Test
    void sunsetting_writesRfc9745AndRfc8594Dates() {
        assertEquals("@1793491200", Sunsetting.TABLES.deprecationHeader());
        assertEquals("Wed, 30 Jun 2027 00:00:00 GMT", Sunsetting.TABLES.sunsetHeader());
        assertEquals("</v1/statistics>; rel=\"successor-version\"", Sunsetting.TABLES.linkHeader());
    }
}
