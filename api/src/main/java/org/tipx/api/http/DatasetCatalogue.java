package org.tipx.api.http;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.tipx.api.domain.Dimension;
import org.tipx.api.domain.Measure;
import org.tipx.api.domain.PublishedRelease;
import org.tipx.api.format.Labels;
import org.tipx.api.format.PublishedTable;
import org.tipx.api.http.model.Dataset;
import org.tipx.api.http.model.DatasetDimension;
import org.tipx.api.http.model.DatasetLink;
import org.tipx.api.http.model.DatasetList;
import org.tipx.api.http.model.DatasetMeasure;
import org.tipx.api.http.model.DatasetRelease;

/**
 * The body of {@code GET /v1/datasets}: one dataset per measure, in one language. Its years come
 * from the protected one-way tables by year (given as {@code listedYears}), never from a true count.
 */
final class DatasetCatalogue {

    /** The SDMX dataflow of tipx's tables (served by the SDMX endpoints). */
    static final String SDMX_DATAFLOW = "/sdmx/2.1/dataflow/TIPX/DF_THB";

    private DatasetCatalogue() {
    }

    /**
     * @param labels      the labels in the answer's language
     * @param releases    the published releases, newest first
     * @param listedYears the years a release lists for a measure, ascending
     */
    static DatasetList of(Labels labels, List<PublishedRelease> releases,
                          BiFunction<PublishedRelease, Measure, List<Integer>> listedYears) {
        String lang = labels.language().tag();
        List<Dataset> items = new ArrayList<>();
        for (Measure measure : Measure.values()) {
            String id = PublishedTable.measureId(measure);
            DatasetMeasure measureInfo = new DatasetMeasure();
            measureInfo.setId(id);
            measureInfo.setLabel(labels.label(measure));
            measureInfo.setUnit(labels.unit(measure));
            List<DatasetDimension> dimensions = new ArrayList<>();
            for (Dimension dimension : Dimension.values()) {
                DatasetDimension item = new DatasetDimension();
                item.setId(dimension.id());
                item.setLabel(labels.label(dimension));
                item.setMultiValued(dimension.multiValued());
                item.setAlwaysAllowed(StatisticsServiceImpl.alwaysAllowed(dimension));
                dimensions.add(item);
            }
            List<DatasetRelease> published = new ArrayList<>();
            for (PublishedRelease release : releases) {
                DatasetRelease item = new DatasetRelease();
                item.setId(release.id());
                item.setCreated(release.created().atOffset(ZoneOffset.UTC));
                item.setYears(listedYears.apply(release, measure));
                published.add(item);
            }
            Dataset dataset = new Dataset();
            dataset.setId(id);
            dataset.setTitle(labels.datasetTitle(measure));
            dataset.setDescription(labels.datasetDescription(measure));
            dataset.setMeasure(measureInfo);
            dataset.setDimensions(dimensions);
            dataset.setReleases(published);
            dataset.setLinks(List.of(
                    link("statistics", "/v1/statistics?measure=" + id + "&by=year&labels=true&lang=" + lang,
                            "application/json"),
                    link("dimensions", "/v1/dimensions?lang=" + lang, "application/json"),
                    link("sdmx-dataflow", SDMX_DATAFLOW, "application/vnd.sdmx.structure+xml;version=2.1"),
                    link("describedby", "/openapi", "application/yaml")));
            items.add(dataset);
        }
        DatasetList list = new DatasetList();
        list.setLanguage(lang);
        list.setItems(items);
        return list;
    }

    private static DatasetLink link(String rel, String href, String type) {
        DatasetLink link = new DatasetLink();
        link.setRel(rel);
        link.setHref(href);
        link.setType(type);
        return link;
    }
}
