package com.osmosecollective.node.app;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code osmose snapshot}: a chain's blocks to and from one compressed, checksummed file. */
@Command(
    name = "snapshot",
    description = "Export a chain into a snapshot file, or import one into a data dir.",
    subcommands = {SnapshotExportCommand.class, SnapshotImportCommand.class})
final class SnapshotCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
