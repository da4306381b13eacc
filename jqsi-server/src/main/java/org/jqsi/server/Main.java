package org.jqsi.server;

import org.jqsi.server.internal.cli.JqsiCommand;

/** The {@code jqsi} command line: {@code serve}, {@code validate}, {@code export}, {@code import-ics}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int status = JqsiCommand.run(args, System.out, System.err);
        // A server stopped by SIGTERM is already inside the JVM's shutdown: exiting again from here would hang.
        if (status != JqsiCommand.SERVER_STOPPED) {
            System.exit(status);
        }
    }
}
