package org.tipx.api.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A reporting agency. Its token is never held here: the store keeps only the token's hash.
 *
 * @param country     ISO 3166-1 alpha-2 of the agency's country
 * @param tokenActive false after revocation, until a rotation issues a new token
 */
public record Agency(String id, String name, String country, String type, Instant created, boolean tokenActive) {
    public Agency {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(created, "created");
    }
}
