package org.tipx.api;

import org.tipx.api.cli.Commands;

/** The one entry point of {@code tipx.jar}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(Commands.commandLine().execute(args));
    }
}
