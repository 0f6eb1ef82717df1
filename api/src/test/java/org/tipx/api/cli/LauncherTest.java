package org.tipx.api.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./tipx} on a machine whose default java is too old: the PATH here starts with a fake Java 17
 * (a {@code java} that reports 17 and a home whose release file says 17), so the test means the same on
 * any machine, whatever its own java is. The launcher must pass it over for a Java 21+ installed
 * elsewhere (this test's own JVM, offered through {@code TIPX_JDK_DIRS}), or say exactly what to do.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "./tipx and .mvn/find-jdk are POSIX sh scripts; Windows uses mvnw.cmd, which does not look for a JDK")
class LauncherTest {

    private static final Path LAUNCHER = Path.of("..", "tipx").toAbsolutePath().normalize();
    private static final Path RUNNING_JDK = Path.of(System.getProperty("java.home"));

    @TempDir
    Path dir;

    private Path oldJavaBin;
    private Path oldJdk;
    private Path probeJar;

    @BeforeEach
    void anOldJavaOnPathAndAProbeJar() throws IOException {
        oldJdk = Files.createDirectories(dir.resolve("jdk-17"));
        Files.writeString(oldJdk.resolve("release"), "JAVA_VERSION=\"17.0.15\"\n");
        Path oldJava = executable(Files.createDirectories(oldJdk.resolve("bin")).resolve("java"), """
                #!/bin/sh
                echo '    java.home = %s' >&2
                echo '    java.specification.version = 17' >&2
                echo 'this is the old java 17; it cannot run tipx' >&2
                exit 1
                """.formatted(oldJdk));
        executable(oldJdk.resolve("bin").resolve("javac"), "#!/bin/sh\nexit 1\n");
        oldJavaBin = oldJava.getParent();
        probeJar = probeJar(dir.resolve("probe.jar"));
    }

    @Test
    void passesOverTheOldJavaOnPathForAJdk21ElsewhereAndRunsTheJar() throws Exception {
        Run run = launch(Map.of("TIPX_JDK_DIRS", dir.resolve("no-such-folder") + " " + RUNNING_JDK), "demo", "--port", "0");
        assertEquals(0, run.exit(), run.err());
        assertEquals("feature=" + Runtime.version().feature() + " args=demo --port 0", run.out().strip());
        assertTrue(Runtime.version().feature() >= 21);
    }

    @Test
    void aJavaHomeThatIsTooOldIsNamedAndPassedOver() throws Exception {
        Run run = launch(Map.of("JAVA_HOME", oldJdk.toString(), "TIPX_JDK_DIRS", RUNNING_JDK.toString()), "validate");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("feature=" + Runtime.version().feature()), run.out());
        assertTrue(run.err().contains("note: JAVA_HOME (" + oldJdk + ") is not a Java 21+ runtime"), run.err());
    }

    @Test
    void withNoJava21AnywhereItSaysWhatToDoAndExitsTwo() throws Exception {
        Run run = launch(Map.of("TIPX_JDK_DIRS", dir.resolve("no-such-folder").toString()), "demo");
        assertEquals(2, run.exit());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith("tipx needs Java 21 or newer, and found none: not in JAVA_HOME, not the java on PATH"),
                run.err());
        assertTrue(run.err().contains("then set JAVA_HOME to its folder"), run.err());
        assertTrue(!run.err().contains("this is the old java 17"), "the old java must not run the jar: " + run.err());
    }

    @Test
    void aMissingJarSaysHowToBuildIt() throws Exception {
        Run run = launch(Map.of("TIPX_JAR", dir.resolve("absent.jar").toString()), "demo");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("absent.jar is missing; build it first: ./mvnw -B -q -DskipTests package"), run.err());
    }

    private Run launch(Map<String, String> env, String... args) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(concat(LAUNCHER.toString(), args));
        builder.environment().remove("JAVA_HOME");
        builder.environment().put("PATH", oldJavaBin + ":/usr/bin:/bin");
        builder.environment().put("TIPX_JAR", probeJar.toString());
        builder.environment().putAll(env);
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the launcher did not finish");
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private record Run(int exit, String out, String err) {
    }

    private static List<String> concat(String first, String... rest) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), java.util.Arrays.stream(rest)).toList();
    }

    private static Path executable(Path file, String script) throws IOException {
        Files.writeString(file, script, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    /** A jar whose main class is {@link LauncherProbe}, compiled for Java 21 like tipx itself. */
    private static Path probeJar(Path jar) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, LauncherProbe.class.getName());
        String entry = LauncherProbe.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file, manifest);
             InputStream probe = LauncherProbe.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            probe.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }
}
