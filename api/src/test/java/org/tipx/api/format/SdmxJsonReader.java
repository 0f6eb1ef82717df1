package org.tipx.api.format;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** Reads an SDMX-JSON 2.0 data message as a client does: each observation found again through the structure's indices. */
public final class SdmxJsonReader {

    private SdmxJsonReader() {
    }

    /** The observations of a message, found again through its structure's indices, keyed {@code "FREQ.MEASURE.…|year"}, each with its {@code OBS_VALUE} (empty when null) and attributes. */
    public static Map<String, Map<String, String>> observations(String json) {
        JsonObject data = parse(json).getJsonObject("data");
        JsonObject structure = data.getJsonArray("structures").getJsonObject(0);
        JsonObject dataSet = data.getJsonArray("dataSets").getJsonObject(0);
        List<JsonObject> seriesDimensions = structure.getJsonObject("dimensions").getJsonArray("series")
                .getValuesAs(JsonObject.class);
        List<JsonObject> observationDimensions = structure.getJsonObject("dimensions").getJsonArray("observation")
                .getValuesAs(JsonObject.class);
        List<JsonObject> observationAttributes = structure.getJsonObject("attributes").getJsonArray("observation")
                .getValuesAs(JsonObject.class);
        Map<String, Map<String, String>> cells = new HashMap<>();
        if (dataSet.containsKey("series")) {
            for (Map.Entry<String, JsonValue> series : dataSet.getJsonObject("series").entrySet()) {
                String key = codes(seriesDimensions, series.getKey(), 0, seriesDimensions.size());
                JsonObject body = series.getValue().asJsonObject();
                if (!body.containsKey("observations")) {
                    cells.put(key, Map.of());
                    continue;
                }
                for (Map.Entry<String, JsonValue> obs : body.getJsonObject("observations").entrySet()) {
                    String year = codes(observationDimensions, obs.getKey(), 0, 1);
                    cells.put(key + "|" + year, observation(obs.getValue().asJsonArray(), observationAttributes));
                }
            }
        } else {
            int keySize = observationDimensions.size() - 1;
            for (Map.Entry<String, JsonValue> obs : dataSet.getJsonObject("observations").entrySet()) {
                String key = codes(observationDimensions, obs.getKey(), 0, keySize);
                String year = codes(observationDimensions, obs.getKey(), keySize, keySize + 1);
                cells.put(key + "|" + year, observation(obs.getValue().asJsonArray(), observationAttributes));
            }
        }
        return cells;
    }

    private static String codes(List<JsonObject> dimensions, String indices, int from, int to) {
        String[] at = indices.split(":");
        List<String> codes = new ArrayList<>();
        for (int d = from; d < to; d++) {
            codes.add(dimensions.get(d).getJsonArray("values").getJsonObject(Integer.parseInt(at[d])).getString("id"));
        }
        return String.join(".", codes);
    }

    private static Map<String, String> observation(JsonArray values, List<JsonObject> attributes) {
        Map<String, String> read = new HashMap<>();
        read.put("OBS_VALUE", values.isNull(0) ? "" : values.getJsonNumber(0).toString());
        for (int a = 0; a < attributes.size(); a++) {
            JsonObject attribute = attributes.get(a);
            read.put(attribute.getString("id"),
                    attribute.getJsonArray("values").getJsonObject(values.getInt(a + 1)).getString("id"));
        }
        return read;
    }

    private static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
