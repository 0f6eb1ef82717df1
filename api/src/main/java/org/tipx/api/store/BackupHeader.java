package org.tipx.api.store;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.stream.JsonGenerator;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code backup.json}, the last entry of a backup file: what the backup holds and how to check it.
 *
 * @param schemaVersion the Flyway schema version of the store it was taken from
 * @param tables        in restore order
 */
record BackupHeader(int formatVersion, String schemaVersion, Instant created, String database, List<Table> tables) {

    static final String FORMAT = "tipx-backup";
    static final int FORMAT_VERSION = 1;
    static final String ENTRY = "backup.json";

    /** One table's entry: its columns and their kinds, its row count and the SHA-256 of the entry's bytes. */
    record Table(String name, String entry, List<String> columns, List<ColumnKind> kinds, long rows, String sha256) {
        Table {
            Objects.requireNonNull(name, "name");
            columns = List.copyOf(columns);
            kinds = List.copyOf(kinds);
        }
    }

    BackupHeader {
        Objects.requireNonNull(schemaVersion, "schemaVersion");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(database, "database");
        tables = List.copyOf(tables);
    }

    void write(OutputStream out) {
        JsonArrayBuilder tableArray = Json.createArrayBuilder();
        for (Table table : tables) {
            JsonArrayBuilder columnArray = Json.createArrayBuilder();
            for (int i = 0; i < table.columns().size(); i++) {
                columnArray.add(Json.createObjectBuilder().add("name", table.columns().get(i))
                        .add("kind", table.kinds().get(i).name()));
            }
            tableArray.add(Json.createObjectBuilder()
                    .add("name", table.name())
                    .add("entry", table.entry())
                    .add("rows", table.rows())
                    .add("sha256", table.sha256())
                    .add("columns", columnArray));
        }
        JsonObjectBuilder header = Json.createObjectBuilder()
                .add("format", FORMAT)
                .add("formatVersion", formatVersion)
                .add("schemaVersion", schemaVersion)
                .add("created", created.toString())
                .add("database", database)
                .add("tables", tableArray);
        Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out).write(header.build());
    }

    /** Reads a header; anything that is not a tipx backup header of a known format version is refused. */
    static BackupHeader read(InputStream in) {
        try (JsonReader reader = Json.createReader(in)) {
            JsonObject header = reader.readObject();
            if (!FORMAT.equals(header.getString("format", ""))) {
                throw new RestoreRefusedException("not a tipx backup (backup.json has no format \"" + FORMAT + "\")");
            }
            int version = header.getInt("formatVersion");
            if (version != FORMAT_VERSION) {
                throw new RestoreRefusedException("backup format version " + version + " is not supported by this "
                        + "tipx, which reads version " + FORMAT_VERSION);
            }
            List<Table> tables = header.getJsonArray("tables").getValuesAs(JsonObject.class).stream()
                    .map(BackupHeader::table).toList();
            return new BackupHeader(version, header.getString("schemaVersion"),
                    Instant.parse(header.getString("created")), header.getString("database"), tables);
        } catch (JsonException | ClassCastException | NullPointerException | IllegalArgumentException
                | ArithmeticException | DateTimeParseException e) {
            throw new RestoreRefusedException("damaged backup: backup.json cannot be read ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private static Table table(JsonObject table) {
        List<JsonObject> columns = table.getJsonArray("columns").getValuesAs(JsonObject.class);
        return new Table(table.getString("name"), table.getString("entry"),
                columns.stream().map(c -> c.getString("name")).toList(),
                columns.stream().map(c -> ColumnKind.valueOf(c.getString("kind"))).toList(),
                table.getJsonNumber("rows").longValueExact(), table.getString("sha256"));
    }

    /** The table's header entry, if the backup has one of that name. */
    Optional<Table> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
