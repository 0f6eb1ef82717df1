package org.tipx.api.format;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;

import org.tipx.anonymizer.cellkey.PTableParameters;
import org.tipx.anonymizer.cellkey.ProtectionParameters;
import org.tipx.api.domain.Dimension;
import org.tipx.api.domain.PublishedRelease;
import org.tipx.api.statistics.TableQuery;

/** The pieces the two JSON formats share, written the same way in both. */
final class JsonParts {

    /** Compact output: pretty printing's whitespace is the provider's choice, compact output is not. */
    private static final JsonGeneratorFactory GENERATORS = Json.createGeneratorFactory(Map.of());

    private JsonParts() {
    }

    /** A generator on {@code out} whose {@code close()} flushes but leaves {@code out} open. */
    static JsonGenerator generator(OutputStream out) {
        return GENERATORS.createGenerator(new NonClosingOutputStream(out), StandardCharsets.UTF_8);
    }

    /** {@code "release": {"id": …, "created": …}}, the instant in ISO 8601 UTC. */
    static void release(JsonGenerator json, PublishedRelease release) {
        json.writeStartObject("release")
                .write("id", release.id())
                .write("created", release.created().toString())
                .writeEnd();
    }

    /**
     * {@code "protection": {…}}: the public parameters of the cell key method (the p-table's D, V,
     * js and, if fixed, pstay, and the threshold). Nothing of the p-table's random draws or of the
     * record keys is among them.
     */
    static void protection(JsonGenerator json, ProtectionParameters protection) {
        PTableParameters ptable = protection.ptable();
        json.writeStartObject("protection")
                .write("method", "cell key")
                .write("threshold", protection.threshold())
                .write("D", ptable.maxPerturbation())
                .write("V", ptable.variance())
                .write("js", ptable.smallestPublishedNonZero());
        if (ptable.pStay().isPresent()) {
            json.write("pstay", ptable.pStay().getAsDouble());
        }
        json.writeEnd();
    }

    /** {@code "filters": {id: [codes in ascending order]}}, dimensions in {@link Dimension}'s order. */
    static void filters(JsonGenerator json, TableQuery query) {
        json.writeStartObject("filters");
        for (Dimension dimension : Dimension.values()) {
            Set<String> codes = query.filters().get(dimension);
            if (codes != null) {
                json.writeStartArray(dimension.id());
                new TreeSet<>(codes).forEach(json::write);
                json.writeEnd();
            }
        }
        json.writeEnd();
    }
}
