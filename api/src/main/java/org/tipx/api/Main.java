package org.tipx.api;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The one entry point of {@code tipx.jar}: a command line whose {@code serve} runs the service. */
@Command(name = "tipx", mixinStandardHelpOptions = true, version = "tipx 0.1.0",
        description = "Exchange for anonymised statistics on trafficking in persons.",
        subcommands = {CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.err);
    }
}
