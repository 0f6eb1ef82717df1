/**
 * The types every part of tipx shares: a stored case record ({@link org.tipx.api.domain.CaseRecord})
 * and its reporting {@link org.tipx.api.domain.Period}, the {@link org.tipx.api.domain.Dimension}s and
 * {@link org.tipx.api.domain.Measure}s of the statistics, and the published releases they are read
 * from ({@link org.tipx.api.domain.PublishedRelease}, {@link org.tipx.api.domain.PublishedReleases}).
 * Ingestion writes records, releases freeze them and the statistics count them; none of those
 * packages depends on another for these types.
 */
package org.tipx.api.domain;
