package com.osmosecollective.node.app;

import com.osmosecollective.node.config.settings.Environment;
import com.osmosecollective.node.config.settings.SettingsException;
import com.osmosecollective.node.storage.StoreOpenException;
import picocli.CommandLine;

/** Builds the picocli command tree and maps failures to exit codes without stack traces. */
final class CommandLines {
  static final int EXIT_BAD_INPUT = 2;

  private CommandLines() {}

  static CommandLine create() {
    return create(Environment.system());
  }

  /** The command tree reading its settings from {@code environment} (tests give their own). */
  static CommandLine create(Environment environment) {
    CommandLine.IFactory defaults = CommandLine.defaultFactory();
    CommandLine.IFactory factory =
        new CommandLine.IFactory() {
          @Override
          public <K> K create(Class<K> type) throws Exception {
            // the one object that needs the environment; every command reaches it through it
            return type == ConfigOption.class
                ? type.cast(new ConfigOption(environment))
                : defaults.create(type);
          }
        };
    CommandLine cli = new CommandLine(RootCommand.class, factory);
    // picocli's own converters use Long.valueOf, which also takes other scripts' digits and '+'
    cli.registerConverter(Long.class, text -> strictInteger(text, Long.MIN_VALUE, Long.MAX_VALUE));
    cli.registerConverter(Long.TYPE, text -> strictInteger(text, Long.MIN_VALUE, Long.MAX_VALUE));
    cli.registerConverter(
        Integer.class, text -> (int) strictInteger(text, Integer.MIN_VALUE, Integer.MAX_VALUE));
    cli.registerConverter(
        Integer.TYPE, text -> (int) strictInteger(text, Integer.MIN_VALUE, Integer.MAX_VALUE));
    cli.setExecutionStrategy(
        parsed -> {
          refuseRepeatedOptions(parsed);
          NodeLogging.prepare(parsed, environment::get);
          return new CommandLine.RunLast().execute(parsed);
        });
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          if (FatalFailure.unwrap(ex) instanceof SettingsException settings) {
            settings.problems().forEach(p -> commandLine.getErr().println("error: " + oneLine(p)));
            return EXIT_BAD_INPUT;
          }
          commandLine.getErr().println("error: " + oneLine(FatalFailure.unwrap(ex)));
          return exitCodeOf(ex);
        });
    cli.setParameterExceptionHandler(
        (ex, args) -> {
          ex.getCommandLine().getErr().println("error: " + oneLine(ex));
          return EXIT_BAD_INPUT;
        });
    return cli;
  }

  /**
   * picocli refuses a repeated single-value option, except inside an argument group (our help
   * sections), where a repetition silently starts a new group and drops the group's options given
   * before it: {@code --p2p-port 0 --p2p-host 127.0.0.1 --p2p-port 5} would bind 0.0.0.0. Every
   * single-value option is therefore refused when given twice, in or out of a group.
   */
  static void refuseRepeatedOptions(CommandLine.ParseResult parsed) {
    java.util.List<String> args = parsed.originalArgs();
    int end = args.indexOf("--");
    java.util.List<String> options = end < 0 ? args : args.subList(0, end);
    for (CommandLine commandLine : parsed.asCommandLineList()) {
      for (CommandLine.Model.OptionSpec option : commandLine.getCommandSpec().options()) {
        if (option.isMultiValue() || option.usageHelp() || option.versionHelp()) {
          continue;
        }
        long given = options.stream().filter(arg -> names(option, arg)).count();
        if (given > 1) {
          throw new CommandLine.ParameterException(
              commandLine,
              "option '" + option.longestName() + "' is given " + given + " times; give it once");
        }
      }
    }
  }

  private static boolean names(CommandLine.Model.OptionSpec option, String arg) {
    for (String name : option.names()) {
      if (arg.equals(name) || arg.startsWith(name + "=")) {
        return true;
      }
    }
    return false;
  }

  /**
   * A decimal integer of ASCII digits with an optional '-': no '+', no whitespace, no other
   * script's digits.
   */
  static long strictInteger(String text, long min, long max) {
    if (text == null || !text.matches("-?[0-9]{1,19}")) {
      throw new CommandLine.TypeConversionException(
          "'" + text + "' is not a whole number (ASCII digits 0-9)");
    }
    long value;
    try {
      value = Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new CommandLine.TypeConversionException("'" + text + "' is out of range");
    }
    if (value < min || value > max) {
      throw new CommandLine.TypeConversionException("'" + text + "' is out of range");
    }
    return value;
  }

  /**
   * The exit code of a command that ended in an exception: a database that cannot be opened says
   * why (2 missing or unreadable, 3 schema, 4 network, 12 damaged); a storage failure or broken
   * invariant has its class's code; anything else is bad input (2).
   */
  static int exitCodeOf(Throwable ex) {
    Throwable cause = FatalFailure.unwrap(ex);
    if (cause instanceof StoreOpenException open) {
      return open.exitCode();
    }
    if (FatalFailure.isFatalKind(cause)) {
      return FatalFailure.classify(cause, "the command", null, -1).exitCode();
    }
    return EXIT_BAD_INPUT;
  }

  private static String oneLine(Throwable ex) {
    return oneLine(ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage());
  }

  private static String oneLine(String message) {
    return message.replace('\n', ' ').trim();
  }
}
