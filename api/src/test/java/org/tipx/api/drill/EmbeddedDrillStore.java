package org.tipx.api.drill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.tipx.api.store.TestStores;
import org.tipx.api.store.TipxStore;
import org.tipx.api.store.TipxStores;

/**
 * The embedded default store: {@code serve --data DIR}, whatever database tipx embeds there. Only the two
 * methods {@link #openEmbedded} and {@link #migrateEmbeddedTo} know which one it is (the PostgreSQL that tipx
 * runs in the folder; H2 until December 2026); switching the embedded default changes them and nothing else.
 */
final class EmbeddedDrillStore implements DrillStore {

    private final Path dataDir;
    private final boolean removeOnClose;

    private EmbeddedDrillStore(Path dataDir, boolean removeOnClose) {
        this.dataDir = dataDir;
        this.removeOnClose = removeOnClose;
    }

    /** The embedded store in {@code dataDir}, kept when the drill ends. */
    static EmbeddedDrillStore in(Path dataDir) {
        return new EmbeddedDrillStore(dataDir, false);
    }

    /** Opens the embedded default store of {@code dataDir} as {@code serve --data dataDir} does. */
    static TipxStore openEmbedded(Path dataDir) {
        return TipxStores.embedded(dataDir);
    }

    /** Creates the embedded store of {@code dataDir} with the schema at {@code version} only. */
    static void migrateEmbeddedTo(Path dataDir, String version) {
        TestStores.migrateEmbedded(dataDir, version);
    }

    @Override
    public String name() {
        return "embedded";
    }

    @Override
    public List<String> serveArguments() {
        return List.of("--data", dataDir.toString());
    }

    @Override
    public Map<String, String> serveEnvironment() {
        return Map.of();
    }

    @Override
    public TipxStore openForCheck() {
        return openEmbedded(dataDir);
    }

    @Override
    public long sizeBytes() {
        if (!Files.isDirectory(dataDir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            return files.filter(Files::isRegularFile).mapToLong(EmbeddedDrillStore::size).sum();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot measure " + dataDir, e);
        }
    }

    @Override
    public DrillStore scratch(String label, SchemaState state) {
        Path dir = dataDir.resolveSibling(dataDir.getFileName() + "-" + label);
        deleteTree(dir);
        if (state == SchemaState.FIRST_MIGRATION_ONLY) {
            migrateEmbeddedTo(dir, "1");
        }
        return new EmbeddedDrillStore(dir, true);
    }

    @Override
    public void close() {
        if (removeOnClose) {
            deleteTree(dataDir);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0; // deleted while walking
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
