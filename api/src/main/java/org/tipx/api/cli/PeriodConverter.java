package org.tipx.api.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import org.tipx.api.domain.Period;

/** Parses {@code --period 2026-Q3}; a bad value is a usage error with the reason. */
final class PeriodConverter implements ITypeConverter<Period> {
    @Override
    public Period convert(String value) {
        try {
            return Period.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
