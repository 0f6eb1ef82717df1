package org.tipx.api;

import org.tipx.api.cli.Commands;
import org.tipx.api.logging.LogPrivacy;

/** The one entry point of {@code tipx.jar}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // Before anything logs, for every command: the server's Tipx.start installs it too, for embedders.
        LogPrivacy.install();
        System.exit(Commands.commandLine().execute(args));
    }
}
