package org.tipx.api.sample;

import java.util.Objects;

/**
 * A fictional reporting agency of the synthetic sample.
 *
 * @param id      short stable id, e.g. {@code ua-police}
 * @param name    a fictional display name
 * @param country ISO 3166-1 alpha-2 country of the agency
 * @param type    the kind of agency, one of the contract's {@code identified_by} codes
 */
public record SampleAgency(String id, String name, String country, String type) {

    public SampleAgency {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        if (country == null || !country.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("agency country must be an ISO alpha-2 code, was '" + country + "'");
        }
        Objects.requireNonNull(type, "type");
    }
}
