package org.tipx.api.reference;

import java.util.Objects;
import java.util.Set;

/**
 * A UN M49 geographic area above country level.
 *
 * @param m49       three-digit code, e.g. {@code "151"}
 * @param name      English name, e.g. "Eastern Europe"
 * @param level     {@code world}, {@code region}, {@code subregion} or {@code intermediate}
 * @param parentM49 the enclosing area's code; empty for the world
 */
public record M49Area(String m49, String name, String level, String parentM49) {

    public static final String WORLD = "world";
    public static final String REGION = "region";
    public static final String SUBREGION = "subregion";
    public static final String INTERMEDIATE = "intermediate";

    private static final Set<String> LEVELS = Set.of(WORLD, REGION, SUBREGION, INTERMEDIATE);

    public M49Area {
        requireM49(m49, "m49");
        Objects.requireNonNull(name, "name");
        if (!LEVELS.contains(level)) {
            throw new IllegalArgumentException("M49 level must be one of " + LEVELS + ", was '" + level + "'");
        }
        requireM49OrEmpty(parentM49, "parentM49");
        if (WORLD.equals(level) != parentM49.isEmpty()) {
            throw new IllegalArgumentException("only the world has no parent area, area " + m49 + " has '" + parentM49 + "'");
        }
    }

    static void requireM49(String code, String field) {
        if (code == null || !code.matches("[0-9]{3}")) {
            throw new IllegalArgumentException(field + " must be a three-digit M49 code, was '" + code + "'");
        }
    }

    static void requireM49OrEmpty(String code, String field) {
        if (code == null || !(code.isEmpty() || code.matches("[0-9]{3}"))) {
            throw new IllegalArgumentException(field + " must be a three-digit M49 code or empty, was '" + code + "'");
        }
    }
}
