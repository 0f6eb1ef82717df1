package org.tipx.api.privacy;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Optional;
import java.util.OptionalLong;

/** Reading one count out of a {@code /v1/comparisons} JSON answer. */
final class Comparisons {

    private Comparisons() {
    }

    /** {@code indicator=victims} for one country and year, broken down by {@code by} when given. */
    static Query query(String country, String year, Optional<String> by) {
        Query q = Query.of("/v1/comparisons").with("indicator", "victims").with("countries", country)
                .with("from", year).with("to", year);
        return by.map(d -> q.with("by", d)).orElse(q);
    }

    /**
     * The count of {@code country}, {@code category} ({@code _T} for the total), {@code year}: empty when the
     * answer has no such point; an empty value when withheld.
     */
    static Optional<OptionalLong> count(String body, String country, String category, String year) {
        JsonObject answer = AttackWorld.json(body);
        for (JsonValue c : answer.getJsonArray("countries")) {
            if (!c.asJsonObject().getString("country").equals(country)) {
                continue;
            }
            for (JsonValue s : c.asJsonObject().getJsonArray("series")) {
                if (!s.asJsonObject().getString("category").equals(category)) {
                    continue;
                }
                for (JsonValue p : s.asJsonObject().getJsonArray("points")) {
                    JsonObject point = p.asJsonObject();
                    if (Integer.toString(point.getInt("year")).equals(year)) {
                        return Optional.of(point.containsKey("count")
                                ? OptionalLong.of(point.getJsonNumber("count").longValueExact()) : OptionalLong.empty());
                    }
                }
            }
        }
        return Optional.empty();
    }
}
