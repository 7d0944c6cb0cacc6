package com.osmosecollective.node.app;

import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

/** {@code osmose}: the OSMOSE node and its tools. */
@Command(
    name = "osmose",
    mixinStandardHelpOptions = true,
    // every subcommand answers --help and --version too
    scope = ScopeType.INHERIT,
    version = "osmose-node 0.1.0-SNAPSHOT",
    description = "OSMOSE node: a DPoS blockchain node compatible with ARK Core 3.9.",
    subcommands = {
      IdentityCommand.class,
      TxCommand.class,
      BlockCommand.class,
      GenesisCommand.class,
      EconomicsCommand.class,
      DbCommand.class,
      SnapshotCommand.class,
      DelegateCommand.class,
      KeysCommand.class,
      ConfigCommand.class,
      DevnetCommand.class,
      StartCommand.class,
      ForgerCommand.class
    })
final class RootCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
