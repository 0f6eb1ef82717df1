package org.tipx.api.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses a one-character field separator; {@code tab} or {@code \t} stand for the tab a shell makes awkward to type. */
final class SeparatorConverter implements ITypeConverter<Character> {
    @Override
    public Character convert(String value) {
        if (value.equals("tab") || value.equals("\\t")) {
            return '\t';
        }
        if (value.length() != 1 || value.charAt(0) == '"' || value.charAt(0) == '\n' || value.charAt(0) == '\r') {
            throw new TypeConversionException("'" + value + "' is not a separator: give one character, e.g. ';' ',' or tab");
        }
        return value.charAt(0);
    }
}
