package org.tipx.api.server;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Small valid extracts for the API tests, in the contract's CSV and NDJSON forms. */
final class Extracts {

    static final String HEADER = "record_id,registration_date,status,sex,age,citizenship,exploitation,"
            + "given_name,family_name,birth_date,document_number";

    private Extracts() {
    }

    /** {@code rows} valid records registered in July 2026 (period 2026-Q3); {@code salt} varies the bytes. */
    static String csv(int rows, String salt) {
        return HEADER + "\n" + IntStream.rangeClosed(1, rows)
                .mapToObj(i -> row("r" + salt + "-" + i, "2026-07-" + String.format("%02d", 1 + i % 28), i))
                .collect(Collectors.joining("\n")) + "\n";
    }

    static String row(String recordId, String date, int i) {
        return String.join(",", List.of(recordId, date, i % 3 == 0 ? "presumed" : "confirmed",
                i % 2 == 0 ? "female" : "male", String.valueOf(14 + i % 40), i % 5 == 0 ? "MD" : "UA",
                i % 2 == 0 ? "sexual" : "\"forced_labour;forced_begging\"", "Olena" + i, "Kovalenko", "1990-01-0" + (1 + i % 9), ""));
    }

    static String ndjson(int rows) {
        return IntStream.rangeClosed(1, rows).mapToObj(i -> """
                {"record_id":"n%d","registration_date":"2026-08-%02d","status":"confirmed","sex":"female",\
                "exploitation":["sexual","forced_marriage"],"citizenship":"NG"}""".formatted(i, i % 28 + 1))
                .collect(Collectors.joining("\n")) + "\n";
    }
}
