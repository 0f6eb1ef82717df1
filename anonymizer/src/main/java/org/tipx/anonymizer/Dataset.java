package org.tipx.anonymizer;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable table of string cells with a header of unique column names.
 *
 * <p>Each column is stored dictionary-encoded (one {@code int} code per row and one array of distinct values):
 * a million rows of adult take about 36 MB, and the search groups records on small integer codes instead of
 * strings. Thread-safe, as it is immutable.
 */
public final class Dataset {
    private final List<String> columns;
    private final String[][] dictionaries;
    private final int[][] codes;
    private final int size;

    private Dataset(List<String> columns, String[][] dictionaries, int[][] codes, int size) {
        this.columns = List.copyOf(columns);
        this.dictionaries = dictionaries;
        this.codes = codes;
        this.size = size;
        requireUniqueColumns(this.columns);
    }

    /**
     * Reads a UTF-8 CSV file whose first row is the header. Fields may be quoted in double quotes (RFC 4180).
     *
     * @throws AnonymizationException if the file cannot be read, has no header, or a row has the wrong width
     */
    public static Dataset readCsv(Path file, char separator) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return readCsv(in, separator);
        } catch (IOException e) {
            throw new AnonymizationException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads CSV text whose first row is the header; see {@link #readCsv(Path, char)}. */
    public static Dataset readCsv(Reader in, char separator) {
        Encoder encoder = new Encoder();
        try {
            Csv.read(in instanceof BufferedReader ? in : new BufferedReader(in), separator, encoder::accept);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (encoder.header == null) {
            throw new AnonymizationException("the CSV input is empty: a header row is required");
        }
        return encoder.build();
    }

    /**
     * A dataset from a header and rows; every row must have one cell per column and no {@code null} cell.
     */
    public static Dataset of(List<String> columns, List<String[]> rows) {
        Encoder encoder = new Encoder();
        encoder.accept(columns.toArray(String[]::new), 1);
        long row = 2;
        for (String[] cells : rows) {
            for (int c = 0; c < cells.length; c++) {
                if (cells[c] == null) {
                    throw new AnonymizationException("row " + (row - 1) + ", column '" + columns.get(c) + "' is null");
                }
            }
            encoder.accept(cells, row++);
        }
        return encoder.build();
    }

    /** Package-private: a dataset from dictionary-encoded columns, taken as they are (not copied). */
    static Dataset ofEncoded(List<String> columns, String[][] dictionaries, int[][] codes, int size) {
        return new Dataset(columns, dictionaries, codes, size);
    }

    public List<String> columns() {
        return columns;
    }

    public int size() {
        return size;
    }

    public String get(int row, int column) {
        Objects.checkIndex(row, size);
        return dictionaries[column][codes[column][row]];
    }

    /** The index of a column by name. */
    public int columnIndex(String column) {
        int index = columns.indexOf(column);
        if (index < 0) {
            throw new AnonymizationException("no column '" + column + "' in the dataset; columns are " + columns);
        }
        return index;
    }

    /** The distinct values of a column, in order of first appearance. */
    public List<String> distinctValues(int column) {
        return List.of(dictionaries[column]);
    }

    /** Package-private, not copied: the dictionary code of every row of a column. */
    int[] codes(int column) {
        return codes[column];
    }

    /** Package-private, not copied: the distinct values of a column, indexed by code. */
    String[] dictionary(int column) {
        return dictionaries[column];
    }

    /** Writes the dataset as UTF-8 CSV with a header row, quoting fields only where needed. */
    public void writeCsv(Path file, char separator) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writeCsv(out, separator);
        } catch (IOException e) {
            throw new AnonymizationException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes the dataset as CSV with a header row to a writer, which is left open. */
    public void writeCsv(Writer out, char separator) {
        try {
            Writer buffered = out instanceof BufferedWriter ? out : new BufferedWriter(out, 1 << 16);
            for (int c = 0; c < columns.size(); c++) {
                if (c > 0) {
                    buffered.write(separator);
                }
                Csv.writeField(buffered, columns.get(c), separator);
            }
            buffered.write('\n');
            for (int r = 0; r < size; r++) {
                for (int c = 0; c < columns.size(); c++) {
                    if (c > 0) {
                        buffered.write(separator);
                    }
                    Csv.writeField(buffered, dictionaries[c][codes[c][r]], separator);
                }
                buffered.write('\n');
            }
            buffered.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "Dataset" + columns + " with " + size + " rows";
    }

    private static void requireUniqueColumns(List<String> columns) {
        java.util.Set<String> seen = new HashSet<>();
        for (String column : columns) {
            if (!seen.add(column)) {
                throw new AnonymizationException("duplicate column name '" + column + "'");
            }
        }
    }

    /** Dictionary-encodes rows as they arrive, so the cells are never all held as strings at once. */
    private static final class Encoder {
        String[] header;
        List<Map<String, Integer>> lookups;
        List<List<String>> values;
        int[][] codes;
        int size;

        void accept(String[] fields, long lineNumber) {
            if (header == null) {
                if (fields.length == 0 || (fields.length == 1 && fields[0].isEmpty())) {
                    throw new AnonymizationException("line " + lineNumber + ": the header row is empty");
                }
                header = fields;
                lookups = new ArrayList<>();
                values = new ArrayList<>();
                codes = new int[fields.length][1024];
                for (int c = 0; c < fields.length; c++) {
                    lookups.add(new HashMap<>());
                    values.add(new ArrayList<>());
                }
                return;
            }
            if (fields.length != header.length) {
                throw new AnonymizationException("line " + lineNumber + ": expected " + header.length
                        + " fields as in the header, found " + fields.length);
            }
            if (size == codes[0].length) {
                for (int c = 0; c < codes.length; c++) {
                    codes[c] = Arrays.copyOf(codes[c], size * 2);
                }
            }
            for (int c = 0; c < fields.length; c++) {
                List<String> columnValues = values.get(c);
                Integer code = lookups.get(c).putIfAbsent(fields[c], columnValues.size());
                if (code == null) {
                    codes[c][size] = columnValues.size();
                    columnValues.add(fields[c]);
                } else {
                    codes[c][size] = code;
                }
            }
            size++;
        }

        Dataset build() {
            String[][] dictionaries = new String[header.length][];
            int[][] trimmed = new int[header.length][];
            for (int c = 0; c < header.length; c++) {
                dictionaries[c] = values.get(c).toArray(String[]::new);
                trimmed[c] = Arrays.copyOf(codes[c], size);
            }
            return new Dataset(List.of(header), dictionaries, trimmed, size);
        }
    }
}
