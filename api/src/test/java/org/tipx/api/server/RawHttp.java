package org.tipx.api.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** HTTP/1.1 over a raw socket, for requests no client library would send: malformed ones, trickling ones. */
final class RawHttp {

    private RawHttp() {
    }

    /** Sends the bytes, half-closes, and reads the status of the answer (0 when none came within 10 s). */
    static int exchange(int port, byte[] request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            socket.shutdownOutput();
            return status(socket.getInputStream());
        }
    }

    /** The status of the first final answer on {@code in} (skipping a {@code 100 Continue}); 0 when none. */
    static int status(InputStream in) throws IOException {
        while (true) {
            String line;
            try {
                line = readLine(in);
            } catch (SocketTimeoutException e) {
                return 0;
            }
            if (line == null) {
                return 0;
            }
            if (line.startsWith("HTTP/1.1 1")) {
                continue;
            }
            if (line.startsWith("HTTP/")) {
                String[] parts = line.split(" ");
                return parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            }
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        try {
            while ((b = in.read()) != -1 && b != '\n') {
                line.write(b);
            }
        } catch (IOException e) {
            if (e instanceof SocketTimeoutException timeout) {
                throw timeout;
            }
            b = -1; // reset by the server
        }
        return b == -1 && line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1).strip();
    }

    /**
     * An upload whose body trickles in: the head and the CSV header at once, then one byte per {@code interval}
     * from a thread of its own, until the server answers or closes. Declares a Content-Length it never reaches.
     */
    static final class TricklingUpload implements AutoCloseable {
        private final Socket socket;
        private final Thread writer;

        TricklingUpload(int port, String token, Duration interval) {
            try {
                socket = new Socket(InetAddress.getLoopbackAddress(), port);
                socket.setSoTimeout(20_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /v1/extracts?period=2026-Q3 HTTP/1.1\r\nHost: 127.0.0.1:" + port
                        + "\r\nAuthorization: Bearer " + token + "\r\nContent-Type: text/csv\r\nContent-Length: 100000"
                        + "\r\n\r\n" + Extracts.HEADER + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                writer = Thread.ofVirtual().start(() -> {
                    try {
                        while (!Thread.currentThread().isInterrupted()) {
                            Thread.sleep(interval);
                            out.write('r');
                            out.flush();
                        }
                    } catch (IOException | InterruptedException e) {
                        // the server answered and closed, or the test is done
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Waits for the server's answer and returns its status (0 when it closed without one). */
        int status() throws IOException {
            return RawHttp.status(socket.getInputStream());
        }

        @Override
        public void close() throws IOException {
            writer.interrupt();
            socket.close();
        }
    }
}
