package org.tipx.api.format;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The SDMX representations tipx writes, with their {@code format=} id and media type (SDMX RESTful web
 * services specification v1.x, "HTTP Content-Negotiation"; SDMX-CSV 1.0 and 2.0; SDMX-JSON 2.0.0).
 */
public enum SdmxFormat {
    /** SDMX-ML 2.1 generic data: the default of data queries. */
    GENERIC_DATA("genericdata", "application/vnd.sdmx.genericdata+xml;version=2.1", true),
    /** SDMX-ML 2.1 structure-specific data. */
    STRUCTURE_SPECIFIC_DATA("structurespecificdata", "application/vnd.sdmx.structurespecificdata+xml;version=2.1", true),
    /** SDMX-CSV 2.0.0. */
    CSV_2("csv", "application/vnd.sdmx.data+csv;version=2.0.0", true),
    /** SDMX-CSV 1.0.0. */
    CSV_1("csv1", "application/vnd.sdmx.data+csv;version=1.0.0", true),
    /** SDMX-JSON 2.0.0 data message. */
    JSON_DATA("jsondata", SdmxJsonDataWriter.MEDIA_TYPE, true),
    /** SDMX-ML 2.1 structure: the default of structure and availability queries. */
    STRUCTURE("structure", "application/vnd.sdmx.structure+xml;version=2.1", false),
    /** SDMX-JSON 2.0.0 structure message. */
    JSON_STRUCTURE("jsonstructure", SdmxJsonStructureWriter.MEDIA_TYPE, false);

    private final String id;
    private final String mediaType;
    private final boolean data;

    SdmxFormat(String id, String mediaType, boolean data) {
        this.id = id;
        this.mediaType = mediaType;
        this.data = data;
    }

    /** The value of the {@code format} query parameter. */
    public String id() {
        return id;
    }

    /** The {@code Content-Type} of an answer in this format. */
    public String mediaType() {
        return mediaType;
    }

    /** True for data formats, false for structures. */
    public boolean data() {
        return data;
    }

    /** The format with this {@code format=} id. */
    public static Optional<SdmxFormat> byId(String id) {
        return Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst();
    }

    /** The structure formats, the default first. */
    public static List<SdmxFormat> structureFormats() {
        return Arrays.stream(values()).filter(f -> !f.data).toList();
    }

    /** The data formats, the default first. */
    public static List<SdmxFormat> dataFormats() {
        return Arrays.stream(values()).filter(SdmxFormat::data).toList();
    }
}
