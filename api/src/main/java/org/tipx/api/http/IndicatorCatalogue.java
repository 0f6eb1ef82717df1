package org.tipx.api.http;

import java.util.ArrayList;
import java.util.List;

import org.tipx.api.domain.Dimension;
import org.tipx.api.domain.Measure;
import org.tipx.api.format.Labels;
import org.tipx.api.http.model.IndicatorInfo;
import org.tipx.api.http.model.IndicatorList;
import org.tipx.api.statistics.ComparisonQuery;
import org.tipx.api.statistics.Indicator;

/**
 * The body of {@code GET /v1/indicators}: every {@link Indicator} of {@code /v1/comparisons}, and the
 * cross-border flows table of {@code /v1/statistics}, each with its name and definition in the
 * labels' language (message keys {@code indicator.<id>.name} and {@code .definition}), and with what
 * it divides, in the terms of a {@code /v1/statistics} query. docs/indicators.md says the same for
 * people.
 */
final class IndicatorCatalogue {

    /** The id of the flows table, which is a {@code /v1/statistics} table rather than a comparison. */
    static final String FLOWS = "flows";

    private static final String SDG = "SDG indicator 16.2.2 (UN Statistics Division, SDG indicators metadata)";
    private static final String OSCE = "OSCE/ODIHR, National Referral Mechanisms handbook (2nd edition, 2022)";
    private static final String GRETA = "Council of Europe GRETA questionnaire on the implementation of the Convention";
    private static final String EU = "EU data collection on trafficking in human beings (Eurostat)";
    private static final String CTDC = "Counter Trafficking Data Collaborative (CTDC) data standard variables";

    private IndicatorCatalogue() {
    }

    static IndicatorList of(Labels labels) {
        List<IndicatorInfo> items = new ArrayList<>();
        for (Indicator indicator : Indicator.values()) {
            IndicatorInfo item = new IndicatorInfo();
            item.setId(indicator.id());
            item.setName(labels.text("indicator." + indicator.id() + ".name"));
            item.setDefinition(labels.text("indicator." + indicator.id() + ".definition"));
            String measure = indicator.measure() == Measure.VICTIMS ? "victims" : "registrations";
            String all = measure + " (all, same country and year)";
            if (indicator.share()) {
                List<String> parts = new ArrayList<>();
                indicator.breakdown().ifPresent(d -> parts.add(measure + " by " + d.id()));
                indicator.group().ifPresent(g -> parts.add(g.category() + ": " + measure + " with " + g.dimension().id()
                        + " in " + groupCodes(g)));
                item.setNumerator(String.join("; ", parts));
                item.setDenominator(all);
                item.setUnit("share");
            } else if (indicator.perPopulation()) {
                item.setNumerator(measure);
                item.setDenominator("population of the country and year (tipx's reference population; see the flags)");
                item.setUnit("per_100000");
            } else {
                item.setNumerator(measure);
                item.setDenominator("none");
                item.setUnit(indicator.measure() == Measure.VICTIMS ? "persons" : "case_records");
            }
            List<String> breakdowns = new ArrayList<>();
            if (indicator.share()) {
                indicator.breakdown().ifPresent(d -> breakdowns.add(d.id()));
            } else {
                ComparisonQuery.BREAKDOWNS.forEach(d -> breakdowns.add(d.id()));
            }
            item.setBreakdowns(breakdowns);
            indicator.group().ifPresent(g -> item.setCategories(List.of(g.category())));
            item.setSources(sources(indicator));
            item.setHref("/v1/comparisons?indicator=" + indicator.id() + "&countries=UA,MD");
            items.add(item);
        }
        IndicatorInfo flows = new IndicatorInfo();
        flows.setId(FLOWS);
        flows.setName(labels.text("indicator.flows.name"));
        flows.setDefinition(labels.text("indicator.flows.definition"));
        flows.setNumerator("victims by " + Dimension.CITIZENSHIP.id() + " and " + Dimension.COUNTRY_OF_EXPLOITATION.id());
        flows.setDenominator("none");
        flows.setUnit("persons");
        flows.setBreakdowns(List.of(Dimension.CITIZENSHIP.id(), Dimension.COUNTRY_OF_EXPLOITATION.id()));
        flows.setSources(List.of(CTDC, EU));
        flows.setHref("/v1/statistics?by=citizenship,country_of_exploitation&country_of_identification=MD");
        items.add(flows);
        IndicatorList list = new IndicatorList();
        list.setItems(items);
        return list;
    }

    private static String groupCodes(Indicator.Group group) {
        return switch (group) {
            case ANY_ASSISTANCE -> String.join(",", Indicator.Group.FORMS_OF_ASSISTANCE);
            case FOREIGN_NATIONALS -> "every country but the country of identification, and XS (stateless)";
            case EXPLOITED_ABROAD -> "every country but the country of identification";
        };
    }

    private static List<String> sources(Indicator indicator) {
        return switch (indicator) {
            case VICTIMS_PER_100K, VICTIMS -> List.of(SDG, EU);
            case REGISTRATIONS_PER_100K, REGISTRATIONS -> List.of(EU);
            case SHARE_MINORS -> List.of(SDG, GRETA, EU);
            case SHARE_IDENTIFIED_BY -> List.of(OSCE, EU, CTDC);
            case SHARE_ASSISTANCE -> List.of(OSCE, GRETA, CTDC);
            case SHARE_STATUS -> List.of(EU, GRETA);
            case SHARE_FOREIGN_NATIONALS -> List.of(EU, GRETA, CTDC);
            case SHARE_EXPLOITED_ABROAD -> List.of(CTDC, OSCE);
        };
    }
}
