package org.tipx.api.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.tipx.api.server.PortUnavailableException;

/** The port check of {@code serve} and {@code demo}, made before they start a database that a taken port would waste. */
final class Ports {

    private Ports() {
    }

    /**
     * Binds {@code host:port} for a moment; {@link org.tipx.api.server.Tipx#start} checks again, since another
     * process may take the port in between. Port 0 (any free one) is always free.
     */
    static void requireFree(String host, int port) {
        if (port == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            // As the server binds: a port left in TIME_WAIT by an earlier run is free.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new PortUnavailableException(host, port);
        }
    }

    /** What a user reads: which port, and what to do about it. */
    static String advice(PortUnavailableException e) {
        return "port " + e.port() + " is already in use (or not allowed): stop the program listening there, or "
                + "choose another port with --port N (--port 0 picks a free one)";
    }
}
