package org.tipx.api.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * One {@code --hierarchy COLUMN=FILE}: a quasi-identifier column and its hierarchy file.
 *
 * @param column the column name, as in the input's header
 * @param file   the hierarchy, in ARX's CSV format
 */
record HierarchyOption(String column, Path file) {

    /** Splits at the first {@code =}, so a file name may hold one; a column name cannot. */
    static final class Converter implements ITypeConverter<HierarchyOption> {
        @Override
        public HierarchyOption convert(String value) {
            int equals = value.indexOf('=');
            if (equals <= 0 || equals == value.length() - 1) {
                throw new TypeConversionException("'" + value + "' is not COLUMN=FILE");
            }
            try {
                return new HierarchyOption(value.substring(0, equals), Path.of(value.substring(equals + 1)));
            } catch (InvalidPathException e) {
                throw new TypeConversionException("'" + value + "': " + e.getMessage());
            }
        }
    }
}
