package org.tipx.api.privacy;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The trafficker's side: an HTTP client of the public API that knows what any outsider can read
 * ({@code /v1/dimensions}, {@code /v1/config}, the published tables) and nothing of the server's store, the
 * truth or the tokens, except the {@linkplain #registered registered-user} variant, which holds one token.
 *
 * <p>Each target gets a {@link Session} with a query budget: a question beyond it is not asked and
 * answers {@link Answer.Kind#OVER_BUDGET}. Answers are remembered (a release never changes, so asking
 * again would teach nothing), but every question counts against the target's budget, asked or remembered.
 * Thread-safe; sessions are not.
 */
final class Attacker {

    private static final int RELEASE_BUDGET = 10_000;

    private final TipxHttp http;
    private final Optional<String> token;
    private final int budget;
    private final Map<String, List<String>> codes;
    private final JsonObject config;
    private final Map<String, TipxHttp.Reply> remembered = new ConcurrentHashMap<>();
    private volatile List<String> commonCitizenships;

    private Attacker(TipxHttp http, Optional<String> token, int budget) {
        this.http = http;
        this.token = token;
        this.budget = budget;
        this.codes = readDimensions(http.get("/v1/dimensions", token));
        TipxHttp.Reply config = http.get("/v1/config", token);
        this.config = config.ok() ? AttackWorld.json(config.body()) : JsonValue.EMPTY_JSON_OBJECT;
    }

    /** An anonymous outsider with {@code budget} questions per target. */
    static Attacker outsider(TipxHttp http, int budget) {
        return new Attacker(http, Optional.empty(), budget);
    }

    /** A registered user (agency or administrator) holding {@code token}. */
    static Attacker registered(TipxHttp http, String token, int budget) {
        return new Attacker(http, Optional.of(token), budget);
    }

    int budget() {
        return budget;
    }

    /** The codes {@code /v1/dimensions} lists for a dimension, in its order (none for {@code year}). */
    List<String> codes(String dimension) {
        return codes.getOrDefault(dimension, List.of());
    }

    /** Every code of {@code dimension} but {@code except}. */
    List<String> allCodesExcept(String dimension, String except) {
        return codes(dimension).stream().filter(c -> !c.equals(except)).toList();
    }

    /** The k of new releases' microdata, from {@code /v1/config} (11 if it does not say). */
    int k() {
        JsonObject protection = config.getJsonObject("protection");
        return protection != null && protection.containsKey("k") ? protection.getInt("k") : 11;
    }

    /**
     * Citizenships common enough to be published, largest first: the published rows of the latest release's
     * table by citizenship, asked once. When that table is refused (too many rare citizenships withheld),
     * the published countries of identification instead: nationals identified at home are the largest groups
     * of detected victims (UNODC GLOTIP), which any reader of the published tables can see.
     */
    List<String> commonCitizenships() {
        if (commonCitizenships == null) {
            List<String> common = publishedCodes(KnownTarget.CITIZENSHIP);
            commonCitizenships = common.isEmpty() ? publishedCodes(KnownTarget.COUNTRY) : common;
        }
        return commonCitizenships;
    }

    /** The codes of the rows the latest release's table by {@code dimension} publishes, largest first. */
    private List<String> publishedCodes(String dimension) {
        Answer table = fetch(Query.statistics().by(dimension));
        List<Map.Entry<String, Long>> published = new ArrayList<>();
        if (table.answered()) {
            table.cells().forEach((key, value) -> {
                String code = key.get(dimension);
                if (value.isPresent() && !code.equals(Answer.TOTAL) && !code.equals("unknown") && !code.equals("XX")) {
                    published.add(Map.entry(code, value.getAsLong()));
                }
            });
        }
        published.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()));
        return published.stream().map(Map.Entry::getKey).toList();
    }

    /** The questions about one target, within the budget. */
    Session session() {
        return new Session(budget);
    }

    /** The questions of an attack on the release as a whole (manifests, microdata), within a larger budget. */
    Session releaseSession() {
        return new Session(Math.max(budget, RELEASE_BUDGET));
    }

    private TipxHttp.Reply ask(Query query) {
        return remembered.computeIfAbsent(query.pathAndQuery(), q -> http.get(q, token));
    }

    private Answer fetch(Query query) {
        TipxHttp.Reply reply = ask(query);
        return reply.ok() ? Answer.parse(query.parameters().getOrDefault("format", "json"), reply.body())
                : Answer.notAnswered(reply.status());
    }

    /** One target's questions. */
    final class Session {
        private final int limit;
        private int queries;

        private Session(int limit) {
            this.limit = limit;
        }

        int queries() {
            return queries;
        }

        boolean exhausted() {
            return queries >= limit;
        }

        /** A table of {@code /v1/statistics} (or another path answering tables, such as {@code /v1/tables}). */
        Answer table(Query query) {
            if (exhausted()) {
                return Answer.overBudget();
            }
            queries++;
            return fetch(query);
        }

        /** The published value of a one-cell query, empty when withheld or not answered. */
        OptionalLong cell(Query query) {
            Answer answer = table(query);
            return answer.answered() ? answer.total() : OptionalLong.empty();
        }

        /** Any other GET; empty when over budget. */
        Optional<TipxHttp.Reply> get(Query query) {
            if (exhausted()) {
                return Optional.empty();
            }
            queries++;
            return Optional.of(ask(query));
        }
    }

    private static Map<String, List<String>> readDimensions(TipxHttp.Reply reply) {
        Map<String, List<String>> codes = new LinkedHashMap<>();
        if (!reply.ok()) {
            return codes;
        }
        for (JsonValue item : AttackWorld.json(reply.body()).getJsonArray("items")) {
            JsonObject dimension = item.asJsonObject();
            List<String> list = new ArrayList<>();
            for (JsonValue code : dimension.getJsonArray("codes")) {
                list.add(code.asJsonObject().getString("code"));
            }
            codes.put(dimension.getString("id"), List.copyOf(list));
        }
        return codes;
    }
}
