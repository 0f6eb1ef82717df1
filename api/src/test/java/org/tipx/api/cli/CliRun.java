package org.tipx.api.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the tipx command line in this JVM: its exit code and what it printed on each stream. */
record CliRun(int exit, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Commands.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }
}
