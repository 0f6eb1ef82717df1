package org.tipx.anonymizer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What to anonymise and how: the quasi-identifiers with their hierarchies (in order), the privacy models, the
 * suppression limit, the metric to minimise, optional search budgets, and the identifying columns to drop.
 *
 * <p>Columns that are neither quasi-identifying nor identifying are published unchanged: sensitive when an
 * l-diversity model names them, insensitive otherwise (see {@link #role(String)}).
 *
 * <p>Build with {@link #builder()}:
 * <pre>{@code
 * AnonymizationConfig config = AnonymizationConfig.builder()
 *         .quasiIdentifier("age", Hierarchy.intervals(0, 99, 5, 10, 20))
 *         .quasiIdentifier("sex", sexHierarchy)
 *         .identifying("name")
 *         .model(new PrivacyModel.KAnonymity(11))
 *         .suppressionLimit(0.05)
 *         .metric(QualityMetric.LOSS)
 *         .timeBudget(Duration.ofSeconds(30))
 *         .build();
 * }</pre>
 *
 * @param quasiIdentifiers  column name to hierarchy, in the order of the report's levels (an unmodifiable
 *                          {@link LinkedHashMap} copy)
 * @param models            at least one privacy model
 * @param suppressionLimit  the share of records, 0..1, that may be suppressed: at most
 *                          ⌊limit × n⌋ records (as ARX counts)
 * @param metric            the metric the search minimises
 * @param timeBudget        when present, the search stops after this long and reports whether its best
 *                          transformation was proven optimal
 * @param nodeBudget        when present, the search checks at most this many transformations
 * @param identifyingColumns direct identifiers, removed from the output
 */
public record AnonymizationConfig(Map<String, Hierarchy> quasiIdentifiers, List<PrivacyModel> models,
                                  double suppressionLimit, QualityMetric metric, Optional<Duration> timeBudget,
                                  OptionalLong nodeBudget, List<String> identifyingColumns) {

    public AnonymizationConfig {
        Objects.requireNonNull(quasiIdentifiers, "quasiIdentifiers");
        Objects.requireNonNull(models, "models");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(timeBudget, "timeBudget");
        Objects.requireNonNull(nodeBudget, "nodeBudget");
        Objects.requireNonNull(identifyingColumns, "identifyingColumns");
        if (quasiIdentifiers.isEmpty()) {
            throw new AnonymizationException("at least one quasi-identifier is required");
        }
        if (models.isEmpty()) {
            throw new AnonymizationException("at least one privacy model is required");
        }
        if (!(suppressionLimit >= 0.0 && suppressionLimit <= 1.0)) {
            throw new AnonymizationException("the suppression limit must be within 0..1, got " + suppressionLimit);
        }
        timeBudget.ifPresent(budget -> {
            if (budget.isNegative() || budget.isZero()) {
                throw new AnonymizationException("the time budget must be positive, got " + budget);
            }
        });
        if (nodeBudget.isPresent() && nodeBudget.getAsLong() < 1) {
            throw new AnonymizationException("the node budget must be at least 1, got " + nodeBudget.getAsLong());
        }
        Set<String> identifying = new LinkedHashSet<>(identifyingColumns);
        for (String column : quasiIdentifiers.keySet()) {
            if (identifying.contains(column)) {
                throw new AnonymizationException("column '" + column
                        + "' cannot be both identifying and quasi-identifying");
            }
        }
        for (PrivacyModel model : models) {
            Optional<String> sensitive = model.sensitiveColumnName();
            if (sensitive.isPresent()) {
                String column = sensitive.get();
                if (quasiIdentifiers.containsKey(column) || identifying.contains(column)) {
                    throw new AnonymizationException("the sensitive column '" + column
                            + "' cannot also be quasi-identifying or identifying");
                }
            }
        }
        quasiIdentifiers = Collections.unmodifiableMap(new LinkedHashMap<>(quasiIdentifiers));
        models = List.copyOf(models);
        identifyingColumns = List.copyOf(identifying);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The role a column plays under this configuration. */
    public AttributeRole role(String column) {
        if (quasiIdentifiers.containsKey(column)) {
            return AttributeRole.QUASI_IDENTIFYING;
        }
        if (identifyingColumns.contains(column)) {
            return AttributeRole.IDENTIFYING;
        }
        for (PrivacyModel model : models) {
            if (model.sensitiveColumnName().filter(column::equals).isPresent()) {
                return AttributeRole.SENSITIVE;
            }
        }
        return AttributeRole.INSENSITIVE;
    }

    /** The quasi-identifier column names, in order. */
    public List<String> quasiIdentifierColumns() {
        return List.copyOf(quasiIdentifiers.keySet());
    }

    /** The largest number of records that may be suppressed out of {@code records}: ⌊limit × records⌋. */
    public long maxSuppressed(long records) {
        return SuppressionLimit.maxSuppressed(suppressionLimit, records);
    }

    /** Collects the configuration; {@link #build()} validates it. */
    public static final class Builder {
        private final Map<String, Hierarchy> quasiIdentifiers = new LinkedHashMap<>();
        private final List<PrivacyModel> models = new ArrayList<>();
        private final List<String> identifying = new ArrayList<>();
        private double suppressionLimit;
        private QualityMetric metric = QualityMetric.LOSS;
        private Optional<Duration> timeBudget = Optional.empty();
        private OptionalLong nodeBudget = OptionalLong.empty();

        private Builder() {
        }

        /** Adds a quasi-identifier; the order of calls is the order of the report's levels. */
        public Builder quasiIdentifier(String column, Hierarchy hierarchy) {
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(hierarchy, "hierarchy");
            if (quasiIdentifiers.putIfAbsent(column, hierarchy) != null) {
                throw new AnonymizationException("quasi-identifier '" + column + "' is given twice");
            }
            return this;
        }

        /** Marks a column as a direct identifier: it is removed from the output. */
        public Builder identifying(String column) {
            identifying.add(Objects.requireNonNull(column, "column"));
            return this;
        }

        public Builder model(PrivacyModel model) {
            models.add(Objects.requireNonNull(model, "model"));
            return this;
        }

        /** The share of records, 0..1, that may be suppressed; 0 by default. */
        public Builder suppressionLimit(double limit) {
            this.suppressionLimit = limit;
            return this;
        }

        /** The metric to minimise; {@link QualityMetric#LOSS} by default. */
        public Builder metric(QualityMetric metric) {
            this.metric = Objects.requireNonNull(metric, "metric");
            return this;
        }

        /** Stops the search after this long; by default it runs until the optimum is proven. */
        public Builder timeBudget(Duration budget) {
            this.timeBudget = Optional.of(Objects.requireNonNull(budget, "budget"));
            return this;
        }

        /** Stops the search after checking this many transformations. */
        public Builder nodeBudget(long budget) {
            this.nodeBudget = OptionalLong.of(budget);
            return this;
        }

        public AnonymizationConfig build() {
            return new AnonymizationConfig(quasiIdentifiers, models, suppressionLimit, metric, timeBudget,
                    nodeBudget, identifying);
        }
    }
}
