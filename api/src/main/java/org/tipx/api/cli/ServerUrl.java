package org.tipx.api.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLException;
import org.tipx.api.domain.Period;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** {@code --server} of the upload command: checked before anything is read, and what a failure to reach it means. */
final class ServerUrl {

    private ServerUrl() {
    }

    /**
     * The upload URL under {@code server}, which may carry a path prefix (a reverse proxy's); a usage error
     * (exit 2) when {@code server} is not an http(s) URL with a host.
     */
    static URI extracts(CommandSpec spec, URI server, Period period, boolean noCases) {
        String scheme = server.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || server.getHost() == null) {
            throw new ParameterException(spec.commandLine(), "--server must be the server's http:// or https:// "
                    + "URL with its host, e.g. http://localhost:8080; " + server + " is not.");
        }
        if (server.getRawQuery() != null || server.getRawFragment() != null) {
            throw new ParameterException(spec.commandLine(), "--server is the server's URL without a query or "
                    + "fragment, e.g. http://localhost:8080.");
        }
        String base = server.toString().replaceAll("/+$", "");
        return URI.create(base + "/v1/extracts?period=" + period + (noCases ? "&no_cases=true" : ""));
    }

    /**
     * What went wrong reaching the server, in words: the JDK's client often throws without a message (a
     * refused connection, an unknown host), so the cause's type is read instead.
     */
    static String unreachable(IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
                return "its host name does not resolve";
            }
            if (cause instanceof HttpConnectTimeoutException) {
                return "no connection within the timeout";
            }
            if (cause instanceof HttpTimeoutException) {
                return "no answer within the timeout";
            }
            if (cause instanceof SSLException) {
                return "the TLS handshake failed (is it https, with a certificate this machine trusts?)";
            }
            if (cause instanceof ConnectException) {
                return "the connection was refused: nothing listens at that host and port";
            }
        }
        return e.getMessage() != null && !e.getMessage().isBlank() ? e.getMessage() : e.getClass().getSimpleName();
    }
}
