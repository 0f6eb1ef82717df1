package org.tipx.api.privacy;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The public release manifests ({@code GET /v1/releases} and {@code /v1/releases/{id}}, anonymous). Counted
 * as leaks: each input extract listed with its {@code rows} (an exact count of one agency's registrations in
 * one quarter) or its {@code sha256} (confirms a guessed file), and each of the {@code counts}
 * (registrations, victims, microdata rows) that equals the true count while the statistics perturb or
 * withhold the same total. Bound 0. A field that is absent leaks nothing.
 */
final class ManifestAttack implements Attack {

    @Override
    public List<AttackResult> run(Context c) {
        Attacker.Session session = c.outsider().releaseSession();
        Set<String> leaks = new LinkedHashSet<>();
        List<String> notes = new ArrayList<>();
        List<JsonObject> manifests = new ArrayList<>();
        session.get(Query.of("/v1/releases")).filter(TipxHttp.Reply::ok).ifPresentOrElse(
                list -> AttackWorld.json(list.body()).getJsonArray("items").forEach(m -> manifests.add(m.asJsonObject())),
                () -> notes.add("list not served"));
        for (String release : List.of(c.world().release1(), c.world().release2())) {
            session.get(Query.of("/v1/releases/" + release)).filter(TipxHttp.Reply::ok)
                    .ifPresentOrElse(m -> manifests.add(AttackWorld.json(m.body())), () -> notes.add(release + " not served"));
        }
        for (JsonObject manifest : manifests) {
            String id = manifest.getString("id", "?");
            if (!id.equals(c.world().release1()) && !id.equals(c.world().release2())) {
                continue;
            }
            Truth truth = c.world().truth(id);
            if (manifest.containsKey("extracts")) {
                int i = 0;
                for (JsonValue e : manifest.getJsonArray("extracts")) {
                    JsonObject extract = e.asJsonObject();
                    for (String field : List.of("rows", "sha256")) {
                        if (extract.containsKey(field)) {
                            leaks.add(id + " extract " + i + " " + field);
                        }
                    }
                    i++;
                }
            }
            JsonObject counts = manifest.containsKey("counts") ? manifest.getJsonObject("counts") : JsonValue.EMPTY_JSON_OBJECT;
            OptionalLong victims = session.cell(Query.statistics().release(id));
            OptionalLong registrations = session.cell(Query.statistics().release(id).with("measure", "registrations"));
            check(counts, "victims", truth.victims(), victims, id, leaks);
            check(counts, "microdataRows", truth.victims(), victims, id, leaks);
            check(counts, "registrations", truth.registrations(), registrations, id, leaks);
        }
        long extractFields = leaks.stream().filter(l -> l.contains(" extract ")).count();
        notes.add(extractFields + " extract rows/sha256 fields, " + (leaks.size() - extractFields) + " exact counts of a protected total");
        return List.of(AttackResult.count("manifest", AttackResult.Metric.LEAKS, leaks.size(), 0, session.queries(),
                String.join("; ", notes)));
    }

    /** A manifest count is a leak when it is the true count and the statistics publish something else. */
    private static void check(JsonObject counts, String field, long trueCount, OptionalLong published, String release,
                              Set<String> leaks) {
        if (!counts.containsKey(field) || !(counts.get(field) instanceof JsonNumber n)) {
            return;
        }
        boolean statisticsProtect = published.isEmpty() || published.getAsLong() != trueCount;
        if (n.longValueExact() == trueCount && statisticsProtect) {
            leaks.add(release + " counts." + field);
        }
    }
}
