package org.tipx.api.privacy;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tipx.api.statistics.Indicator;

/**
 * Differencing through {@code GET /v1/countries/{iso2}/profile}: its region figures are the only new cells it
 * publishes (its country series are {@code /v1/comparisons}' own). Each pair takes its wide cell A from the
 * profile of the target's country and its narrow cell B from {@code /v1/statistics}: the same countries and
 * year, every citizenship but the target's. Two kinds of pair:
 * <ul>
 *   <li>{@code profile}: A is the region's victims in the target's year (every reporting country of the region);</li>
 *   <li>{@code profile-assistance}: A is the region's victims receiving any form of assistance in that year (the
 *       group "any" of {@code share_assistance}), B also filtered to the forms received; asked only for a
 *       target whose own assistance is one of them, so that the target is in A exactly when they are in the
 *       release;</li>
 *   <li>{@code profile-html}: as {@code profile}, A read from the printable page ({@code format=html}, its
 *       cells' {@code data-count}).</li>
 * </ul>
 * The "region minus country" subtraction is the same differencing with a smaller B, and
 * {@link ComparisonsAttack} and {@link MarginDifferencingAttack} cover it.
 *
 * <p>Guess rule: <b>present iff the pair's published values differ</b>; a withheld or unanswered cell makes
 * the pair silent. 2 questions a pair (the profile is asked once a target).
 */
final class ProfileAttack implements Attack {

    private static final String ASSISTANCE = "assistance";
    private static final Pattern HTML_REGION_VICTIMS = Pattern.compile("<td data-indicator=\"victims\" "
            + "data-area=\"region\" data-category=\"_T\" data-year=\"(\\d+)\" data-count=\"(\\d*)\">");

    @Override
    public List<AttackResult> run(Context c) {
        Attacker attacker = c.outsider();
        Guesses total = guesses(c, attacker, false);
        Guesses assisted = guesses(c, attacker, true);
        Guesses page = Guesses.make(c.targets(), c.threads(), target -> {
            Attacker.Session session = attacker.session();
            boolean differ = false;
            Optional<JsonObject> profile = profile(session, target);
            Optional<String> html = session.get(Query.of("/v1/countries/" + target.country() + "/profile?format=html"))
                    .filter(TipxHttp.Reply::ok).map(TipxHttp.Reply::body);
            if (profile.isPresent() && profile.get().containsKey("region") && html.isPresent()) {
                List<String> countries = regionCountries(profile.get());
                if (!countries.isEmpty()) {
                    Query narrow = Query.statistics().filter(KnownTarget.COUNTRY, countries)
                            .filter(KnownTarget.YEAR, target.year());
                    differ = Pairs.read(htmlRegionVictims(html.get(), target.year()),
                            session.cell(Pairs.withoutTarget(attacker, target, narrow))) == Pairs.Reading.DIFFER;
                }
            }
            return new Guesses.Guess(differ, session.queries());
        });
        return List.of(
                total.score("profile", c.world().membership(), c.bound(),
                        "A: the region of the target's country from /v1/countries/{iso2}/profile (victims, year); "
                                + "B from /v1/statistics on the region's countries without the target's citizenship"),
                assisted.score("profile-assistance", c.world().membership(), c.bound(),
                        "A: the region's victims receiving any assistance (share_assistance, group 'any', year) from "
                                + "the profile; B from /v1/statistics on the region's countries and the forms received, "
                                + "without the target's citizenship; targets whose assistance is a form received"),
                page.score("profile-html", c.world().membership(), c.bound(),
                        "as profile, A from the printable page (format=html, data-count of the region's victims)"));
    }

    private static Optional<JsonObject> profile(Attacker.Session session, KnownTarget target) {
        return session.get(Query.of("/v1/countries/" + target.country() + "/profile"))
                .filter(TipxHttp.Reply::ok)
                .map(reply -> AttackWorld.json(reply.body()));
    }

    private static List<String> regionCountries(JsonObject profile) {
        return profile.getJsonObject("region").getJsonArray("reportingCountries")
                .getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    /** The region's published victims in {@code year} on the printable page; empty when withheld or absent. */
    private static OptionalLong htmlRegionVictims(String page, String year) {
        Matcher cell = HTML_REGION_VICTIMS.matcher(page);
        while (cell.find()) {
            if (cell.group(1).equals(year) && !cell.group(2).isEmpty()) {
                return OptionalLong.of(Long.parseLong(cell.group(2)));
            }
        }
        return OptionalLong.empty();
    }

    private static Guesses guesses(Context c, Attacker attacker, boolean assistance) {
        List<KnownTarget> targets = assistance
                ? c.targets().stream()
                        .filter(t -> Indicator.Group.FORMS_OF_ASSISTANCE.contains(t.code(ASSISTANCE))).toList()
                : c.targets();
        return Guesses.make(targets, c.threads(), target -> {
            Attacker.Session session = attacker.session();
            boolean differ = false;
            Optional<JsonObject> profile = profile(session, target);
            if (profile.isPresent() && profile.get().containsKey("region")) {
                List<String> countries = regionCountries(profile.get());
                OptionalLong wide = assistance
                        ? regionCount(profile.get(), "share_assistance", Indicator.Group.ANY_ASSISTANCE.category(),
                                target.year())
                        : regionCount(profile.get(), "victims", "_T", target.year());
                if (!countries.isEmpty()) {
                    Query narrow = Query.statistics().filter(KnownTarget.COUNTRY, countries)
                            .filter(KnownTarget.YEAR, target.year());
                    if (assistance) {
                        narrow = narrow.filter(ASSISTANCE, Indicator.Group.FORMS_OF_ASSISTANCE);
                    }
                    differ = Pairs.read(wide, session.cell(Pairs.withoutTarget(attacker, target, narrow)))
                            == Pairs.Reading.DIFFER;
                }
            }
            return new Guesses.Guess(differ, session.queries());
        });
    }

    /** The region's published count of an indicator's series in {@code year}; empty when withheld or absent. */
    private static OptionalLong regionCount(JsonObject profile, String indicatorId, String category, String year) {
        for (JsonValue i : profile.getJsonArray("indicators")) {
            JsonObject indicator = i.asJsonObject();
            if (!indicator.getString("indicator").equals(indicatorId) || !indicator.containsKey("region")) {
                continue;
            }
            for (JsonValue s : indicator.getJsonArray("region")) {
                JsonObject series = s.asJsonObject();
                if (!series.getString("category").equals(category)) {
                    continue;
                }
                for (JsonValue p : series.getJsonArray("points")) {
                    JsonObject point = p.asJsonObject();
                    if (Integer.toString(point.getInt("year")).equals(year) && point.containsKey("count")) {
                        return OptionalLong.of(point.getJsonNumber("count").longValueExact());
                    }
                }
            }
        }
        return OptionalLong.empty();
    }
}
