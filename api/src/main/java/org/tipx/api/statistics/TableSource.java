package org.tipx.api.statistics;

import org.tipx.api.domain.PublishedRelease;

/** Answers table queries on published releases with protected tables. Thread-safe. */
public interface TableSource {

    /**
     * The protected table answering {@code query} on {@code release}: the same release and query
     * always give the same table.
     *
     * @throws QueryRuleException if a query rule refuses the table
     */
    ProtectedTable table(PublishedRelease release, TableQuery query);
}
