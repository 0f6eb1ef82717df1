package org.tipx.api.privacy;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Differencing through {@code GET /v1/countries/{iso2}/profile}: its region figures are the only new cells it
 * publishes (its country series are {@code /v1/comparisons}' own). Each pair takes its wide cell A from the
 * profile of the target's country (the region's victims in the target's year, which count every reporting
 * country of the region) and its narrow cell B from {@code /v1/statistics}: the same countries and year,
 * every citizenship but the target's. The "region minus country" subtraction is the same differencing with a
 * smaller B, and {@link ComparisonsAttack} and {@link MarginDifferencingAttack} cover it.
 *
 * <p>Guess rule: <b>present iff the pair's published values differ</b>; a withheld or unanswered cell makes
 * the pair silent. 2 questions.
 */
final class ProfileAttack implements Attack {

    @Override
    public List<AttackResult> run(Context c) {
        Attacker attacker = c.outsider();
        Guesses guesses = Guesses.make(c.targets(), c.threads(), target -> {
            Attacker.Session session = attacker.session();
            boolean differ = false;
            Optional<JsonObject> profile = session.get(Query.of("/v1/countries/" + target.country() + "/profile"))
                    .filter(TipxHttp.Reply::ok)
                    .map(reply -> AttackWorld.json(reply.body()));
            if (profile.isPresent() && profile.get().containsKey("region")) {
                List<String> countries = profile.get().getJsonObject("region").getJsonArray("reportingCountries")
                        .getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
                OptionalLong wide = regionCount(profile.get(), target.year());
                if (!countries.isEmpty()) {
                    Query narrow = Query.statistics().filter(KnownTarget.COUNTRY, countries)
                            .filter(KnownTarget.YEAR, target.year());
                    differ = Pairs.read(wide, session.cell(Pairs.withoutTarget(attacker, target, narrow)))
                            == Pairs.Reading.DIFFER;
                }
            }
            return new Guesses.Guess(differ, session.queries());
        });
        return List.of(guesses.score("profile", c.world().membership(), c.bound(),
                "A: the region of the target's country from /v1/countries/{iso2}/profile (victims, year); "
                        + "B from /v1/statistics on the region's countries without the target's citizenship"));
    }

    /** The region's published victims in {@code year}; empty when withheld or absent. */
    private static OptionalLong regionCount(JsonObject profile, String year) {
        for (JsonValue i : profile.getJsonArray("indicators")) {
            JsonObject indicator = i.asJsonObject();
            if (!indicator.getString("indicator").equals("victims") || !indicator.containsKey("region")) {
                continue;
            }
            for (JsonValue p : indicator.getJsonObject("region").getJsonArray("points")) {
                JsonObject point = p.asJsonObject();
                if (Integer.toString(point.getInt("year")).equals(year) && point.containsKey("count")) {
                    return OptionalLong.of(point.getJsonNumber("count").longValueExact());
                }
            }
        }
        return OptionalLong.empty();
    }
}
