package com.osmosecollective.node.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every command and subcommand explains itself with --help (exit 0, its own usage line). */
class HelpTest {
  @Test
  void everyCommandAnswersHelp() {
    String[][] commands = {
      {},
      {"identity"},
      {"tx", "decode"},
      {"block", "decode"},
      {"genesis", "verify"},
      {"economics"},
      {"db"},
      {"db", "check"},
      {"db", "replay"},
      {"config"},
      {"config", "check"},
      {"devnet"},
      {"start"}
    };
    for (String[] command : commands) {
      String[] args = new String[command.length + 1];
      System.arraycopy(command, 0, args, 0, command.length);
      args[command.length] = "--help";
      CliRun run = CliRun.of(args);
      String name = String.join(" ", command);
      assertThat(run.exitCode()).as("exit of %s --help: %s", name, run.err()).isZero();
      assertThat(run.out())
          .as("usage of %s", name)
          .startsWith(("Usage: osmose " + name).trim() + " ");
    }
  }
}
