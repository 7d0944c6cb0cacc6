package com.osmosecollective.node.app;

/**
 * The failures that stop a running node, each with its own process exit code (README.md, "Exit
 * codes"), so a supervisor can tell a full disk from damaged data from a bug.
 */
enum FailureClass {
  /** A write failed for lack of space. */
  DISK_FULL(10),
  /** The operating system or the device failed a read or a write. */
  STORAGE_IO(11),
  /** Stored data is damaged (checksum mismatch, undecodable record, failed start-up check). */
  STORAGE_CORRUPT(12),
  /** The chain's state contradicts itself (a fork switch that cannot re-apply our own blocks). */
  INVARIANT(13),
  /** An exception nothing expected (a bug), e.g. while applying a block. */
  INTERNAL(14);

  private final int exitCode;

  FailureClass(int exitCode) {
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }
}
