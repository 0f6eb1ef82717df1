package org.tipx.api.reference;

import java.util.Objects;

/**
 * One ISO 3166-1 country or territory with its UN M49 geography. M49 codes are three-digit strings
 * ({@code "002"} Africa). An area the country does not belong to is the empty string: Antarctica
 * has no region, most countries have no intermediate region.
 *
 * @param iso2          ISO 3166-1 alpha-2, e.g. {@code "NA"} (Namibia)
 * @param iso3          ISO 3166-1 alpha-3
 * @param m49           UN M49 numeric code, three digits
 * @param name          the UN M49 English name
 * @param regionM49     M49 region, e.g. {@code "150"} Europe
 * @param regionName    its English name
 * @param subregionM49  M49 sub-region, e.g. {@code "151"} Eastern Europe
 * @param subregionName its English name
 */
public record Country(
        String iso2,
        String iso3,
        String m49,
        String name,
        String regionM49,
        String regionName,
        String subregionM49,
        String subregionName) {

    public Country {
        if (iso2 == null || !iso2.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("ISO alpha-2 code must be two capital letters, was '" + iso2 + "'");
        }
        if (iso3 == null || !iso3.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("ISO alpha-3 code must be three capital letters, was '" + iso3 + "'");
        }
        M49Area.requireM49(m49, "m49");
        Objects.requireNonNull(name, "name");
        M49Area.requireM49OrEmpty(regionM49, "regionM49");
        Objects.requireNonNull(regionName, "regionName");
        M49Area.requireM49OrEmpty(subregionM49, "subregionM49");
        Objects.requireNonNull(subregionName, "subregionName");
    }
}
