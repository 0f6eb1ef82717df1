package org.tipx.api.release;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.tipx.anonymizer.cellkey.ProtectedCell;

/**
 * What a release says about itself, published with it as JSON ({@link ManifestJson}): which extracts it
 * froze, what it counts, and every statistical disclosure control parameter applied, with their
 * measured effect. Holds no record, pseudonym, record key, cell key or per-cell true count. This is the
 * administrator's whole manifest, as stored; {@link ManifestJson#view} writes what others may read of it.
 *
 * @param id              readable and sortable within a day: {@code YYYY-MM-DD.N} (UTC)
 * @param extracts        the input extracts in manifest order (agency id, then period)
 * @param counts          exact totals (the administrator's)
 * @param protectedCounts the same totals cell-key protected, as the public statistics publish them; empty only
 *                        in a manifest stored before they were computed
 */
public record ReleaseManifest(String id, Instant created, List<InputExtract> extracts, Counts counts,
                              Optional<ProtectedCounts> protectedCounts, Microdata microdata, CellKey cellKey) {

    public ReleaseManifest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(created, "created");
        extracts = List.copyOf(extracts);
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(protectedCounts, "protectedCounts");
        Objects.requireNonNull(microdata, "microdata");
        Objects.requireNonNull(cellKey, "cellKey");
    }

    /**
     * One input extract.
     *
     * @param country the agency's country (ISO 3166-1 alpha-2)
     * @param period  {@code YYYY-Qn}
     * @param sha256  of the uploaded bytes, hex
     * @param rows    records stored from it
     */
    public record InputExtract(String id, String agency, String country, String period, String sha256, long rows) {
        public InputExtract {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(agency, "agency");
            Objects.requireNonNull(country, "country");
            Objects.requireNonNull(period, "period");
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    /**
     * The release's counts.
     *
     * @param registrations records in the release (a person reported twice counts twice)
     * @param victims       distinct persons (distinct pseudonyms)
     * @param microdataRows rows of the microdata: one per person
     */
    public record Counts(long registrations, long victims, long microdataRows) {
    }

    /**
     * The release's grand totals as {@code GET /v1/statistics?release=ID} publishes them (the cell of every
     * person, of every record): perturbed with the release's cell key parameters, withheld below the
     * threshold. Computed when the release is built, so that a manifest answers without a table, and
     * published in place of the exact {@link Counts}, which would undo the perturbation of every total.
     *
     * @param victims       every person, each adding their record key once
     * @param registrations every record
     */
    public record ProtectedCounts(ProtectedCell victims, ProtectedCell registrations) {
        public ProtectedCounts {
            Objects.requireNonNull(victims, "victims");
            Objects.requireNonNull(registrations, "registrations");
        }
    }

    /**
     * The k-anonymised microdata and how it was made.
     *
     * @param representativeRule  which of a person's records stands for the person
     * @param quasiIdentifiers    each quasi-identifier with the hierarchy level chosen (0 = as recorded)
     * @param suppressedRecords   rows with {@code *} in every quasi-identifier
     * @param suppressedShare     suppressedRecords / rows
     * @param ctdcSuppressedShare the share CTDC's published microdata loses to suppression, for comparison
     * @param smallestClass       the smallest equivalence class among the rows not suppressed, as the
     *                            independent verifier recounted it
     * @param optimal             whether the generalisation is proven optimal for the information loss
     */
    public record Microdata(String representativeRule, int k, List<QuasiIdentifier> quasiIdentifiers,
                            double suppressionLimit, long suppressedRecords, double suppressedShare,
                            double ctdcSuppressedShare, long classes, long smallestClass, double loss,
                            boolean optimal) {
        public Microdata {
            Objects.requireNonNull(representativeRule, "representativeRule");
            quasiIdentifiers = List.copyOf(quasiIdentifiers);
        }
    }

    /**
     * How far one quasi-identifier was generalised.
     *
     * @param level    the generalisation level applied, 0 (as recorded) to maxLevel ({@code *})
     * @param maxLevel the hierarchy's top level
     */
    public record QuasiIdentifier(String column, int level, int maxLevel) {
        public QuasiIdentifier {
            Objects.requireNonNull(column, "column");
        }
    }

    /**
     * The cell key parameters of every table published from the release, and their measured effect.
     *
     * @param maxPerturbation          D
     * @param variance                 V
     * @param smallestPublishedNonZero js
     * @param pStay                    the fixed probability of no change, when the p-table has one
     * @param threshold                published values below it are withheld
     */
    public record CellKey(int maxPerturbation, double variance, int smallestPublishedNonZero, OptionalDouble pStay,
                          int threshold, CellKeyEffect effect) {
        public CellKey {
            Objects.requireNonNull(pStay, "pStay");
            Objects.requireNonNull(effect, "effect");
        }
    }

    /**
     * The effect of the cell key method on a set of tables of the release, measured when it was built.
     * Aggregates only: no cell's true count is published.
     *
     * @param measure            what the tables count
     * @param tables             each table's dimensions, joined with {@code ×}
     * @param cells              cells of those tables, totals included
     * @param withheldCells      cells withheld (published value below the threshold)
     * @param changedShare       among the published cells, the share whose value differs from the true count
     * @param meanAbsoluteChange among the published cells, the mean of |published − true|
     */
    public record CellKeyEffect(String measure, List<String> tables, long cells, long withheldCells,
                                double changedShare, double meanAbsoluteChange) {
        public CellKeyEffect {
            Objects.requireNonNull(measure, "measure");
            tables = List.copyOf(tables);
        }
    }
}
