package org.tipx.api.cli;

import java.math.BigDecimal;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses a share of records: {@code 0.05} or {@code 5%}, between 0 and 1; a bad value is a usage error. */
final class ShareConverter implements ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
        String text = value.strip();
        boolean percent = text.endsWith("%");
        double share;
        try {
            // BigDecimal reads only plain decimal numbers: no "NaN", "Infinity" or hexadecimal floats.
            BigDecimal number = new BigDecimal(percent ? text.substring(0, text.length() - 1).strip() : text);
            share = (percent ? number.movePointLeft(2) : number).doubleValue();
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a share: write e.g. 0.05 or 5%");
        }
        if (share < 0 || share > 1) {
            throw new TypeConversionException("'" + value + "' is not between 0 and 1 (0% and 100%)");
        }
        return share;
    }
}
