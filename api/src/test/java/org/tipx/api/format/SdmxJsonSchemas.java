package org.tipx.api.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The official SDMX-JSON 2.0.0 schemas (data and structure messages), from
 * {@code src/test/resources/sdmx-json-2.0} (see its README for source and commit), as validators.
 */
public enum SdmxJsonSchemas {
    DATA("sdmx-json-data-schema.json"),
    STRUCTURE("sdmx-json-structure-schema.json");

    private static final ObjectMapper MAPPER = new ObjectMapper();
    // The schemas name no draft ("http://json-schema.org/schema#"), which the validator cannot resolve
    // offline; they use draft-06 keywords (const) and none newer than draft-07.
    private static final String DRAFT_07 = "http://json-schema.org/draft-07/schema#";

    private final String file;
    @SuppressWarnings("ImmutableEnumChecker") // loaded once, on first use, then never changed
    private volatile JsonSchema schema;

    SdmxJsonSchemas(String file) {
        this.file = file;
    }

    /** The schema's complaints about this message, empty when it is valid. */
    public List<String> problems(String json) {
        try {
            Set<ValidationMessage> messages = schema().validate(MAPPER.readTree(json));
            return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A resource of {@code sdmx-json-2.0/} (schemas and the working group's samples), as text. */
    public static String resource(String name) {
        try (InputStream in = SdmxJsonSchemas.class.getResourceAsStream("/sdmx-json-2.0/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource sdmx-json-2.0/" + name);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonSchema schema() throws IOException {
        JsonSchema loaded = schema;
        if (loaded == null) {
            ObjectNode node = (ObjectNode) MAPPER.readTree(resource(file));
            node.put("$schema", DRAFT_07);
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true)
                    .locale(Locale.ENGLISH).build();
            // The data schema names itself with draft-04's "id", which this validator's draft-07 does not ignore.
            JsonMetaSchema draft07 = JsonMetaSchema.builder(JsonMetaSchema.getV7())
                    .keyword(new NonValidationKeyword("id")).build();
            loaded = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7, factory -> factory.metaSchema(draft07))
                    .getSchema((JsonNode) node, config);
            schema = loaded;
        }
        return loaded;
    }
}
