package org.tipx.api.cli;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Output files written whole or not at all: each is first written to a temporary file in its target's
 * directory (same file system, so the final move is a rename), and only {@link #commit()} moves them into
 * place, after every one has been written. {@link #close()} deletes whatever was staged but not committed, so
 * a failure part-way leaves no half-written file behind. Not thread-safe.
 */
final class StagedFiles implements AutoCloseable {

    @FunctionalInterface
    interface Writer {
        void write(Path file) throws IOException;
    }

    private record Staged(Path temporary, Path target) {
    }

    private final List<Staged> staged = new ArrayList<>();

    /** Writes {@code target}'s content to a temporary file beside it. */
    void stage(Path target, Writer writer) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, "." + absolute.getFileName(), ".part");
        staged.add(new Staged(temporary, absolute));
        writer.write(temporary);
    }

    /** Moves every staged file onto its target, replacing what was there. */
    void commit() throws IOException {
        for (Staged file : staged) {
            try {
                Files.move(file.temporary(), file.target(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(file.temporary(), file.target(), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        staged.clear();
    }

    @Override
    public void close() throws IOException {
        for (Staged file : staged) {
            Files.deleteIfExists(file.temporary());
        }
        staged.clear();
    }
}
