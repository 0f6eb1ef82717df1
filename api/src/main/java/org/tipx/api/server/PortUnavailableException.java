package org.tipx.api.server;

/** The server could not listen on its port: another process holds it, or the address is not allowed. */
public final class PortUnavailableException extends IllegalStateException {

    private final int port;

    public PortUnavailableException(String host, int port) {
        super("cannot listen on " + host + ":" + port + ": the port is in use or not allowed");
        this.port = port;
    }

    public int port() {
        return port;
    }
}
