package org.tipx.api.sdmx;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tipx.api.domain.Dimension;
import org.tipx.api.domain.Measure;
import org.tipx.api.format.DimensionInfo;
import org.tipx.api.format.Labels;
import org.tipx.api.statistics.ProtectedTable;

/**
 * The one place where tipx codes and SDMX codes meet, used both ways: by the structure (codelists),
 * by the key of a data query (SDMX to tipx) and by the data writers (tipx to SDMX).
 *
 * <ul>
 *   <li>{@code _T} (total) is the same on both sides; tipx's {@code unknown} (not recorded, or the
 *       list's own unknown) is SDMX's {@code _U}.</li>
 *   <li>Sex: {@code female} F, {@code male} M, {@code other} {@code _O}, the SDMX cross-domain codes.</li>
 *   <li>Age bands: {@code 0-8} {@code Y0T8}, {@code 48+} {@code Y_GE48}, as SDMX age codelists write them.</li>
 *   <li>Minor at exploitation: {@code yes} Y, {@code no} N.</li>
 *   <li>Countries: ISO 3166-1 alpha-2 as tipx has them, with tipx's {@code XX} (unknown country) and,
 *       for citizenship, {@code XS} (stateless).</li>
 *   <li>Year: four digits, the SDMX annual period {@code YYYY}.</li>
 *   <li>Other code lists: the tipx code in upper case ({@code forced_labour} {@code FORCED_LABOUR},
 *       {@code psychological} {@code PSYCHOLOGICAL}).</li>
 * </ul>
 *
 * Immutable and thread-safe.
 */
public final class SdmxCodes {

    /** SDMX's code for "unknown". */
    public static final String UNKNOWN = "_U";
    /** SDMX's code for a total (not broken down); the same as tipx's. */
    public static final String TOTAL = ProtectedTable.TOTAL;

    private static final Pattern AGE_RANGE = Pattern.compile("([0-9]+)-([0-9]+)");
    private static final Pattern AGE_OPEN = Pattern.compile("([0-9]+)\\+");
    private static final Pattern YEAR = Pattern.compile("[0-9]{4}");

    private final Map<Dimension, Map<String, String>> toTipx;
    private final Map<Dimension, Map<String, String>> toSdmx;

    private SdmxCodes(Map<Dimension, Map<String, String>> toTipx, Map<Dimension, Map<String, String>> toSdmx) {
        this.toTipx = toTipx;
        this.toSdmx = toSdmx;
    }

    /** The mapping for every code the labels list, plus the contract's extra country codes. */
    public static SdmxCodes of(Labels labels) {
        Objects.requireNonNull(labels, "labels");
        Map<Dimension, Map<String, String>> toTipx = new EnumMap<>(Dimension.class);
        Map<Dimension, Map<String, String>> toSdmx = new EnumMap<>(Dimension.class);
        for (DimensionInfo info : labels.dimensions()) {
            Map<String, String> back = new LinkedHashMap<>();
            Map<String, String> forth = new LinkedHashMap<>();
            for (String code : tipxCodes(info)) {
                String sdmx = forward(info.dimension(), code);
                if (back.put(sdmx, code) != null) {
                    throw new IllegalStateException("two codes of " + info.id() + " map to " + sdmx);
                }
                forth.put(code, sdmx);
            }
            toTipx.put(info.dimension(), Collections.unmodifiableMap(back));
            toSdmx.put(info.dimension(), Collections.unmodifiableMap(forth));
        }
        return new SdmxCodes(Collections.unmodifiableMap(toTipx), Collections.unmodifiableMap(toSdmx));
    }

    /**
     * tipx's codes of a dimension in publication order: the labelled codes, with the contract's
     * {@code XX} (every country dimension) and {@code XS} (citizenship) before {@code unknown}, as
     * {@code /v1/dimensions} lists them.
     */
    public static List<String> tipxCodes(DimensionInfo info) {
        List<String> codes = new java.util.ArrayList<>(info.codes().stream().map(DimensionInfo.Code::code).toList());
        Dimension dimension = info.dimension();
        int beforeUnknown = codes.indexOf(Dimension.UNKNOWN);
        if (dimension == Dimension.CITIZENSHIP) {
            codes.add(beforeUnknown, "XS");
        }
        if (dimension == Dimension.CITIZENSHIP || dimension == Dimension.COUNTRY_OF_IDENTIFICATION
                || dimension == Dimension.COUNTRY_OF_EXPLOITATION) {
            codes.add(beforeUnknown, "XX");
        }
        return List.copyOf(codes);
    }

    /** The SDMX code of a tipx code ({@code _T} included). A year, or a code no list names, maps by rule. */
    public String toSdmx(Dimension dimension, String tipxCode) {
        Objects.requireNonNull(tipxCode, "tipxCode");
        if (tipxCode.equals(TOTAL)) {
            return TOTAL;
        }
        String mapped = toSdmx.get(dimension).get(tipxCode);
        return mapped != null ? mapped : forward(dimension, tipxCode);
    }

    /**
     * The tipx code of an SDMX code ({@code _T} included), or empty when the dimension's codelist has
     * no such code. Years are any four digits.
     */
    public Optional<String> toTipx(Dimension dimension, String sdmxCode) {
        Objects.requireNonNull(sdmxCode, "sdmxCode");
        if (sdmxCode.equals(TOTAL)) {
            return Optional.of(TOTAL);
        }
        if (dimension == Dimension.YEAR) {
            return YEAR.matcher(sdmxCode).matches() ? Optional.of(sdmxCode) : Optional.empty();
        }
        return Optional.ofNullable(toTipx.get(dimension).get(sdmxCode));
    }

    /** The SDMX codes of a dimension (not {@code _T}), in publication order; empty for the year. */
    public List<String> sdmxCodes(Dimension dimension) {
        return List.copyOf(toTipx.get(dimension).keySet());
    }

    /** The {@code MEASURE} code of a measure. */
    public static String toSdmx(Measure measure) {
        return measure.name();
    }

    /** The measure of a {@code MEASURE} code, if it is one. */
    public static Optional<Measure> measure(String sdmxCode) {
        for (Measure measure : Measure.values()) {
            if (measure.name().equals(sdmxCode)) {
                return Optional.of(measure);
            }
        }
        return Optional.empty();
    }

    private static String forward(Dimension dimension, String code) {
        if (code.equals(Dimension.UNKNOWN)) {
            return UNKNOWN;
        }
        return switch (dimension) {
            case YEAR, CITIZENSHIP, COUNTRY_OF_IDENTIFICATION, COUNTRY_OF_EXPLOITATION -> code;
            case SEX -> switch (code) {
                case "female" -> "F";
                case "male" -> "M";
                case "other" -> "_O";
                default -> upper(code);
            };
            case MINOR_AT_EXPLOITATION -> switch (code) {
                case "yes" -> "Y";
                case "no" -> "N";
                default -> upper(code);
            };
            case AGE_BAND -> age(code);
            case EXPLOITATION, IDENTIFIED_BY, STATUS, ASSISTANCE -> upper(code);
        };
    }

    private static String age(String band) {
        Matcher range = AGE_RANGE.matcher(band);
        if (range.matches()) {
            return "Y" + range.group(1) + "T" + range.group(2);
        }
        Matcher open = AGE_OPEN.matcher(band);
        if (open.matches()) {
            return "Y_GE" + open.group(1);
        }
        return upper(band);
    }

    private static String upper(String code) {
        return code.toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
