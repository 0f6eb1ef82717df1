package org.tipx.api.privacy;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * A table as the attacker reads it from {@code /v1/statistics} (JSON, CSV or JSON-stat): for every row
 * listed, its codes (dimension id to code, {@code _T} for a total) and its published value, empty when
 * withheld. Or why there is no table: refused by a query rule ({@code 400}), not available ({@code 401},
 * {@code 404}, {@code 410}, ...), or not asked because the target's query budget was spent. Immutable.
 */
final class Answer {

    enum Kind { ANSWERED, REFUSED, UNAVAILABLE, OVER_BUDGET }

    static final String TOTAL = Truth.TOTAL;

    private final Kind kind;
    private final int status;
    private final Map<Map<String, String>, OptionalLong> cells;

    private Answer(Kind kind, int status, Map<Map<String, String>, OptionalLong> cells) {
        this.kind = kind;
        this.status = status;
        this.cells = Collections.unmodifiableMap(cells);
    }

    static Answer overBudget() {
        return new Answer(Kind.OVER_BUDGET, 0, Map.of());
    }

    static Answer notAnswered(int status) {
        return new Answer(status == 400 ? Kind.REFUSED : Kind.UNAVAILABLE, status, Map.of());
    }

    /** A {@code 200} of the format the query asked for ({@code json} when it named none). */
    static Answer parse(String format, String body) {
        return switch (format) {
            case "csv" -> fromCsv(body);
            case "jsonstat" -> fromJsonStat(AttackWorld.json(body));
            default -> fromJson(AttackWorld.json(body));
        };
    }

    Kind kind() {
        return kind;
    }

    int status() {
        return status;
    }

    boolean answered() {
        return kind == Kind.ANSWERED;
    }

    Map<Map<String, String>, OptionalLong> cells() {
        return cells;
    }

    /** The row with exactly these codes: empty when not listed; a listed row's value is empty when withheld. */
    Optional<OptionalLong> row(Map<String, String> codes) {
        return Optional.ofNullable(cells.get(codes));
    }

    /** The published value of that row, empty when not listed or withheld. */
    OptionalLong published(Map<String, String> codes) {
        return row(codes).orElse(OptionalLong.empty());
    }

    /** The single cell of a table without breakdown (the grand total of one with a breakdown). */
    OptionalLong total() {
        for (Map.Entry<Map<String, String>, OptionalLong> cell : cells.entrySet()) {
            if (cell.getKey().values().stream().allMatch(TOTAL::equals)) {
                return cell.getValue();
            }
        }
        return OptionalLong.empty();
    }

    /** The codes other than {@code _T} that rows list in {@code dimension}. */
    Set<String> listedCodes(String dimension) {
        Set<String> codes = new TreeSet<>();
        for (Map<String, String> key : cells.keySet()) {
            String code = key.get(dimension);
            if (code != null && !code.equals(TOTAL)) {
                codes.add(code);
            }
        }
        return codes;
    }

    private static Answer fromJson(JsonObject o) {
        Map<Map<String, String>, OptionalLong> cells = new LinkedHashMap<>();
        for (JsonValue v : o.getJsonArray("observations")) {
            JsonObject observation = v.asJsonObject();
            Map<String, String> codes = new HashMap<>();
            observation.getJsonObject("codes").forEach((k, code) -> codes.put(k, ((jakarta.json.JsonString) code).getString()));
            cells.put(Map.copyOf(codes), number(observation.get("value")));
        }
        return new Answer(Kind.ANSWERED, 200, cells);
    }

    private static Answer fromJsonStat(JsonObject o) {
        List<String> ids = o.getJsonArray("id").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList();
        List<List<String>> categories = new ArrayList<>();
        for (String id : ids) {
            JsonValue index = o.getJsonObject("dimension").getJsonObject(id).getJsonObject("category").get("index");
            List<String> codes = new ArrayList<>();
            if (index.getValueType() == JsonValue.ValueType.ARRAY) {
                index.asJsonArray().getValuesAs(jakarta.json.JsonString.class).forEach(s -> codes.add(s.getString()));
            } else {
                String[] byPosition = new String[index.asJsonObject().size()];
                index.asJsonObject().forEach((code, position) -> byPosition[((jakarta.json.JsonNumber) position).intValue()] = code);
                codes.addAll(List.of(byPosition));
            }
            categories.add(codes);
        }
        // The table's axes: the metric and the context (filters, period) are dimensions of one category.
        List<String> axes = o.getJsonObject("extension").getJsonArray("by").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList();
        JsonArray values = o.getJsonArray("value");
        Map<Map<String, String>, OptionalLong> cells = new LinkedHashMap<>();
        for (int flat = 0; flat < values.size(); flat++) {
            Map<String, String> codes = new HashMap<>();
            int rest = flat;
            for (int d = ids.size() - 1; d >= 0; d--) {
                int size = categories.get(d).size();
                if (axes.contains(ids.get(d))) {
                    codes.put(ids.get(d), categories.get(d).get(rest % size));
                }
                rest /= size;
            }
            cells.put(Map.copyOf(codes), number(values.get(flat)));
        }
        return new Answer(Kind.ANSWERED, 200, cells);
    }

    private static Answer fromCsv(String body) {
        List<List<String>> rows = Csv.parse(body);
        List<String> header = rows.getFirst();
        int value = header.indexOf("OBS_VALUE");
        Map<Map<String, String>, OptionalLong> cells = new LinkedHashMap<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            Map<String, String> codes = new HashMap<>();
            for (int c = 0; c < value; c++) {
                if (!header.get(c).endsWith("_label")) {
                    codes.put(header.get(c), row.get(c));
                }
            }
            String v = row.get(value);
            cells.put(Map.copyOf(codes), v.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(v)));
        }
        return new Answer(Kind.ANSWERED, 200, cells);
    }

    private static OptionalLong number(JsonValue v) {
        return v == null || v.getValueType() == JsonValue.ValueType.NULL ? OptionalLong.empty()
                : OptionalLong.of(((jakarta.json.JsonNumber) v).longValueExact());
    }
}
