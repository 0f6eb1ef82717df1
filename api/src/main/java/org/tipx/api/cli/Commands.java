package org.tipx.api.cli;

import org.tipx.api.server.PortUnavailableException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tipx} command line: serve, validate, upload, demo, anonymize, release, backup, restore. */
@Command(name = "tipx", mixinStandardHelpOptions = true, version = "tipx 0.1.0",
        description = "Exchange for anonymised statistics on trafficking in persons.",
        subcommands = {ServeCommand.class, ValidateCommand.class, UploadCommand.class, DemoCommand.class, AnonymizeCommand.class, ReleaseCommand.class,
                BackupCommand.class, RestoreCommand.class,
                CommandLine.HelpCommand.class})
public final class Commands implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** A configured command line; tests call {@code execute} on it with their own output writers. */
    public static CommandLine commandLine() {
        return new CommandLine(new Commands())
                .setCaseInsensitiveEnumValuesAllowed(true)
                // A failure is reported in one line; stack traces go nowhere near a user's terminal.
                .setExecutionExceptionHandler((e, commandLine, parseResult) -> {
                    commandLine.getErr().println("tipx " + commandLine.getCommandName() + ": " + explain(e));
                    return 1;
                });
    }

    /** One line: the failure and, where the cause is what a user can act on, that cause. */
    static String explain(Exception e) {
        if (e instanceof PortUnavailableException port) {
            return Ports.advice(port);
        }
        return e.getMessage();
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}
