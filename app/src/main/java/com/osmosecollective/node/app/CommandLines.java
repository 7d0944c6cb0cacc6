package com.osmosecollective.node.app;

import picocli.CommandLine;

/** Builds the picocli command tree and maps failures to exit codes without stack traces. */
final class CommandLines {
  static final int EXIT_BAD_INPUT = 2;

  private CommandLines() {}

  static CommandLine create() {
    CommandLine cli = new CommandLine(new RootCommand());
    cli.setExecutionStrategy(
        parsed -> {
          NodeLogging.prepare(parsed, System::getenv);
          return new CommandLine.RunLast().execute(parsed);
        });
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          commandLine.getErr().println("error: " + oneLine(ex));
          return EXIT_BAD_INPUT;
        });
    cli.setParameterExceptionHandler(
        (ex, args) -> {
          ex.getCommandLine().getErr().println("error: " + oneLine(ex));
          return EXIT_BAD_INPUT;
        });
    return cli;
  }

  private static String oneLine(Throwable ex) {
    String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
    return message.replace('\n', ' ').trim();
  }
}
