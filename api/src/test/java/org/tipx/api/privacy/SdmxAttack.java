package org.tipx.api.privacy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.tipx.api.domain.Dimension;
import org.tipx.api.format.Labels;
import org.tipx.api.sdmx.SdmxCodes;
import org.tipx.api.sdmx.ThbStructure;

/**
 * SDMX against {@code /v1/statistics}: an attacker who mixes the two learns nothing more. For each target,
 * its cell country × year × sex and the differencing reference cell (the same with the target's citizenship
 * filtered) through {@code /v1/statistics} and through {@code /sdmx/2.1/data} (one code per dimension, the
 * sex broken down by a wildcard, SDMX-CSV and SDMX-ML): each cell must have one outcome (a value, or
 * withheld) whichever way it is asked. And a table that {@code /v1/statistics} refuses (five dimensions
 * broken down) must be refused by SDMX too, so SDMX opens no table the rules close.
 *
 * <p>Reported: the most distinct outcomes of one cell (bound 1), and the refusals SDMX did not repeat (bound 0).
 */
final class SdmxAttack implements Attack {

    private static final SdmxCodes CODES = SdmxCodes.of(Labels.load());
    private static final int SPELLINGS_PER_CELL = 4;

    @Override
    public List<AttackResult> run(Context c) {
        Attacker attacker = c.outsider();
        List<KnownTarget> targets = c.targets().subList(0, Math.min(c.spellingTargets(), c.targets().size()));
        AtomicInteger worst = new AtomicInteger();
        AtomicInteger unrefused = new AtomicInteger();
        AtomicInteger refusalsChecked = new AtomicInteger();
        AtomicInteger fewestAnswered = new AtomicInteger(Integer.MAX_VALUE);
        Guesses.make(targets, c.threads(), target -> {
            Attacker.Session session = attacker.session();
            String country = target.country();
            String year = target.year();
            String sex = target.code("sex");
            String citizenship = target.code(KnownTarget.CITIZENSHIP);
            for (Optional<String> cit : List.of(Optional.<String>empty(), Optional.of(citizenship))) {
                List<Optional<OptionalLong>> outcomes = new ArrayList<>();
                Query cell = Query.statistics().filter(KnownTarget.COUNTRY, country).filter(KnownTarget.YEAR, year)
                        .filter("sex", sex).with("format", "csv");
                if (cit.isPresent()) {
                    cell = cell.filter(KnownTarget.CITIZENSHIP, cit.get());
                }
                Answer statistics = session.table(cell);
                outcomes.add(statistics.answered() ? Optional.of(statistics.total()) : Optional.empty());
                String sdmxSex = CODES.toSdmx(Dimension.SEX, sex);
                String sdmxCitizenship = cit.map(code -> CODES.toSdmx(Dimension.CITIZENSHIP, code)).orElse("_T");
                Map<String, String> wanted = Map.of("REF_AREA", country, "SEX", sdmxSex, "TIME_PERIOD", year,
                        "CITIZENSHIP", sdmxCitizenship);
                String one = key(country, sdmxCitizenship, sdmxSex);
                String bySex = key(country, sdmxCitizenship, "");
                for (Query sdmx : List.of(
                        data(one).with("startPeriod", year).with("endPeriod", year).with("format", "csv"),
                        data(bySex).with("format", "csv"),
                        data(one).with("format", "csv1").with("dimensionAtObservation", "AllDimensions"))) {
                    outcomes.add(session.get(sdmx).filter(TipxHttp.Reply::ok).flatMap(reply -> csvCell(reply.body(), wanted)));
                }
                Set<OptionalLong> distinct = new HashSet<>();
                outcomes.forEach(o -> o.ifPresent(distinct::add));
                worst.accumulateAndGet(distinct.size(), Math::max);
                fewestAnswered.accumulateAndGet((int) outcomes.stream().filter(Optional::isPresent).count(), Math::min);
            }
            // Five dimensions besides country and year: /v1/statistics refuses; SDMX must too.
            Answer refused = session.table(Query.statistics().by("sex", "age_band", "citizenship", "status", "identified_by")
                    .filter(KnownTarget.COUNTRY, country).with("format", "csv"));
            if (refused.kind() == Answer.Kind.REFUSED) {
                refusalsChecked.incrementAndGet();
                String key = String.join(".", "A", "VICTIMS", country, "", "_T", "", "", "_T", "_T", "", "", "_T");
                session.get(data(key).with("format", "csv")).filter(TipxHttp.Reply::ok)
                        .ifPresent(reply -> unrefused.incrementAndGet());
            }
            return new Guesses.Guess(false, session.queries());
        });
        return List.of(
                new AttackResult("sdmx-spellings", AttackResult.Metric.DISTINCT_VALUES, worst.get(), 1, targets.size(),
                        Double.NaN, 2 * SPELLINGS_PER_CELL + 2, SPELLINGS_PER_CELL + " spellings (/v1/statistics, three "
                        + "SDMX data queries) of country x year x sex, with and without the citizenship filter, at least "
                        + fewestAnswered + " answered per cell"),
                new AttackResult("sdmx-refusals", AttackResult.Metric.LEAKS, unrefused.get(), 0, targets.size(),
                        Double.NaN, 2 * SPELLINGS_PER_CELL + 2, refusalsChecked.get()
                        + " tables refused by /v1/statistics asked through SDMX"));
    }

    private static Query data(String key) {
        return Query.of("/sdmx/2.1/data/TIPX,DF_THB,1.0/" + key);
    }

    /** FREQ.MEASURE.REF_AREA.CITIZENSHIP.COUNTRY_EXPLOIT.SEX and totals for the rest. */
    private static String key(String country, String citizenship, String sex) {
        return String.join(".", "A", "VICTIMS", country, citizenship, "_T", sex, "_T", "_T", "_T", "_T", "_T", "_T");
    }

    /** The outcome of the row of an SDMX-CSV answer with these codes: its value, or empty (withheld). */
    static Optional<OptionalLong> csvCell(String body, Map<String, String> codes) {
        String[] lines = body.split("\r\n");
        List<String> header = List.of(lines[0].split(",", -1));
        for (int i = 1; i < lines.length; i++) {
            String[] fields = lines[i].split(",", -1);
            Map<String, String> row = new HashMap<>();
            for (int f = 0; f < header.size(); f++) {
                row.put(header.get(f), fields[f]);
            }
            if (codes.entrySet().stream().allMatch(e -> e.getValue().equals(row.get(e.getKey())))) {
                String value = row.get(ThbStructure.OBS_VALUE);
                return Optional.of(value.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(value)));
            }
        }
        return Optional.empty();
    }
}
