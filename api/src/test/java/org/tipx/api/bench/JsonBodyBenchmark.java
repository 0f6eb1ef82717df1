package org.tipx.api.bench;

import io.helidon.webserver.WebServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.tipx.api.pseudonym.PseudonymSecret;
import org.tipx.api.server.Tipx;
import org.tipx.api.store.TipxStores;

/**
 * What an oversize JSON body costs the server: streams a body of MB mebibytes to {@code POST /v1/agencies}
 * (chunked, so nothing declares its size; then once more with a declared Content-Length), and prints the
 * answer, how long it took and the peak heap in use of this JVM (server and client share it; the client
 * never holds more than one 64 KiB chunk). Run it under a small {@code -Xmx}: that it answers at all there
 * is what shows the body is never held whole.
 *
 * <p>Usage: {@code JsonBodyBenchmark [MB]}; see docs/operations.md.
 */
public final class JsonBodyBenchmark {

    private static final String ADMIN_TOKEN = "bench-admin-token-0123456789";

    private JsonBodyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long mebibytes = args.length > 0 ? Long.parseLong(args[0]) : 200;
        Path dir = Files.createTempDirectory("tipx-json-bench");
        PseudonymSecret secret = PseudonymSecret.loadOrGenerate(dir.resolve("pseudonym.secret"));
        long[] peak = new long[1];
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak[0] = Math.max(peak[0], ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        try (Tipx tipx = new Tipx(TipxStores.embedded(dir.resolve("data")), secret, Optional.of(ADMIN_TOKEN), 1 << 20,
                Clock.systemUTC())) {
            WebServer server = tipx.start("127.0.0.1", 0);
            try {
                for (boolean chunked : new boolean[] {true, false}) {
                    System.gc();
                    peak[0] = 0;
                    long start = System.nanoTime();
                    int status = post(server.port(), mebibytes << 20, chunked);
                    System.out.printf(Locale.ROOT, "%d MiB JSON body, %s: answered %d in %.2f s; peak heap in use %d MB"
                                    + " (of %d MB max)%n", mebibytes, chunked ? "chunked" : "Content-Length", status,
                            (System.nanoTime() - start) / 1e9, peak[0] >> 20, Runtime.getRuntime().maxMemory() >> 20);
                }
            } finally {
                server.stop();
            }
        } finally {
            sampler.interrupt();
        }
    }

    /** Sends the body from a thread of its own (the server may answer and close early); returns the status. */
    private static int post(int port, long bytes, boolean chunked) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(600_000);
            OutputStream out = socket.getOutputStream();
            String head = "POST /v1/agencies HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + ADMIN_TOKEN
                    + "\r\nContent-Type: application/json\r\n"
                    + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + bytes + "\r\n") + "\r\n";
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    out.write(head.getBytes(StandardCharsets.US_ASCII));
                    byte[] chunk = new byte[64 * 1024];
                    Arrays.fill(chunk, (byte) 'x');
                    byte[] prefix = "{\"id\":\"big\",\"name\":\"".getBytes(StandardCharsets.US_ASCII);
                    System.arraycopy(prefix, 0, chunk, 0, prefix.length);
                    for (long sent = 0; sent < bytes; sent += chunk.length) {
                        int n = (int) Math.min(chunk.length, bytes - sent);
                        if (chunked) {
                            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        }
                        out.write(chunk, 0, n);
                        if (chunked) {
                            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        }
                    }
                    if (chunked) {
                        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.flush();
                } catch (IOException e) {
                    // the server answered and closed before the end of the body
                }
            });
            int status = status(socket.getInputStream());
            writer.interrupt();
            return status;
        }
    }

    private static int status(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            line.write(b);
        }
        String[] parts = line.toString(StandardCharsets.US_ASCII).split(" ");
        return parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
    }
}
