/**
 * tipx's statistics as SDMX 2.1: the structure of dataflow {@code TIPX:DF_THB(1.0)} and the data of a
 * query, from the same protected tables as {@code /v1/statistics}.
 *
 * <h2>The model</h2>
 * {@link org.tipx.api.sdmx.ThbStructure} is the dataflow, its DSD {@code TIPX:DSD_THB(1.0)} (series
 * dimensions {@link org.tipx.api.sdmx.ThbStructure#KEY} in key order, then {@code TIME_PERIOD}; attributes
 * {@code OBS_STATUS}, {@code CONF_STATUS} on observations, {@code UNIT_MEASURE}, {@code UNIT_MULT} on the
 * data set), its concept scheme and codelists. {@link org.tipx.api.sdmx.SdmxCodes} is the one mapping
 * between tipx codes and SDMX codes, both ways.
 *
 * <h2>Getting a data set's series and observations</h2>
 * <pre>{@code
 * ThbStructure structure = ThbStructure.of(Labels.load());
 * SdmxData data = new SdmxData(tableSource, structure);          // the TableSource of /v1/statistics
 * DataQuery query = DataQuery.parse("A.VICTIMS..UA.......", Map.of("startPeriod", "2020"));
 * SdmxDataSet set = data.dataSet(release, query);               // throws SdmxException (error() -> code, HTTP status)
 * for (SdmxDataSet.Series series : set.series()) {
 *     series.key();                                             // SDMX codes in ThbStructure.KEY order
 *     for (SdmxDataSet.Observation obs : series.observations()) {
 *         obs.timePeriod();                                     // "2021"
 *         obs.cell().value();                                   // OptionalLong, empty when withheld
 *         obs.cell().obsStatus().code();                        // OBS_STATUS: A, or Q when withheld
 *         obs.cell().confStatus().code();                       // CONF_STATUS: F, or A when withheld
 *     }
 * }
 * }</pre>
 * {@code query.detail()} and {@code query.allDimensionsAtObservation()} say what to write (observations are
 * already left out for {@code serieskeysonly} and {@code nodata}). The flowRef and providerRef are
 * checked by {@link org.tipx.api.sdmx.FlowRef}; the HTTP layer finds the release (the newest, or
 * {@code release=<id>}). {@link org.tipx.api.sdmx.Availability} gives the codes with data for content
 * constraints. Writers live in {@code org.tipx.api.format} ({@code SdmxMlDataWriter}, ...).
 */
package org.tipx.api.sdmx;
