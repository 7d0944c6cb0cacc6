package com.osmosecollective.node.app;

import com.osmosecollective.node.consensus.chain.ChainHaltedException;
import com.osmosecollective.node.consensus.chain.InvariantViolation;
import com.osmosecollective.node.storage.StorageFailure;
import java.nio.file.Path;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * A failure that stops the node: its class (and exit code), one line saying what happened and what
 * to do, the service that met it, and the original exception.
 */
record FatalFailure(FailureClass failureClass, String message, String service, Throwable cause) {
  int exitCode() {
    return failureClass.exitCode();
  }

  /**
   * @param where the service that met it
   * @param dataDir the node's data dir, named in the advice
   * @param height the last committed height
   */
  static FatalFailure classify(Throwable error, String where, Path dataDir, long height) {
    Throwable cause = unwrap(error);
    if (cause instanceof StorageFailure storage) {
      String dir = String.valueOf(storage.directory());
      return switch (storage.kind()) {
        case DISK_FULL ->
            new FatalFailure(
                FailureClass.DISK_FULL,
                "disk full at "
                    + dir
                    + ": free space and restart; the chain is intact at height "
                    + height,
                where,
                cause);
        case IO_ERROR ->
            new FatalFailure(
                FailureClass.STORAGE_IO,
                "I/O error in the chain database at "
                    + dir
                    + " ("
                    + storage.getMessage()
                    + "): check the disk and restart; the chain is intact at height "
                    + height,
                where,
                cause);
        case CORRUPTION ->
            new FatalFailure(
                FailureClass.STORAGE_CORRUPT,
                "the chain database at "
                    + dir
                    + " is damaged ("
                    + storage.getMessage()
                    + "): do not restart on it; run osmose db check --data-dir "
                    + dataDir
                    + ", then restore the data dir from a backup or rebuild it with osmose db"
                    + " replay; the last committed height is "
                    + height,
                where,
                cause);
      };
    }
    if (cause instanceof InvariantViolation) {
      return new FatalFailure(
          FailureClass.INVARIANT,
          "the chain broke an invariant ("
              + cause.getMessage()
              + "): nothing more was written; run osmose db check --data-dir "
              + dataDir
              + " and report this with the log; the chain database is at height "
              + height,
          where,
          cause);
    }
    return new FatalFailure(
        FailureClass.INTERNAL,
        "unexpected "
            + cause.getClass().getSimpleName()
            + " in "
            + where
            + " ("
            + cause.getMessage()
            + "): the node stopped; restart it, and report this with the log if it happens again;"
            + " the chain is intact at height "
            + height,
        where,
        cause);
  }

  /** The failure itself, out of the wrappers that carried it across threads. */
  static Throwable unwrap(Throwable error) {
    Throwable t = error;
    while ((t instanceof CompletionException
            || t instanceof ExecutionException
            || t instanceof ChainHaltedException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  /** Whether {@code error} is one of the fatal kinds (not, say, bad input). */
  static boolean isFatalKind(Throwable error) {
    Throwable cause = unwrap(error);
    return cause instanceof StorageFailure || cause instanceof InvariantViolation;
  }
}
