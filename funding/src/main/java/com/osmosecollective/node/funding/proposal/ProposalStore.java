package com.osmosecollective.node.funding.proposal;

import com.osmosecollective.node.funding.ipfs.CidV0;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Proposal documents by CID, as files {@code <dir>/<cid>.json} (in the data dir: {@code
 * proposals/}). Content-addressed: a file is served only if its bytes still hash to its name, so a
 * changed or truncated file reads as absent. Off-chain data, kept out of the chain database: it is
 * no part of a block, never reverted, and a resyncing node keeps it.
 */
public final class ProposalStore {
  private final Path directory;

  public ProposalStore(Path directory) {
    this.directory = directory;
  }

  public static ProposalStore inDataDir(Path dataDir) {
    return new ProposalStore(dataDir.resolve("proposals"));
  }

  public Path directory() {
    return directory;
  }

  public Optional<byte[]> read(String cid) throws IOException {
    if (!CidV0.isCidV0(cid)) {
      return Optional.empty();
    }
    Path file = directory.resolve(cid + ".json");
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(ProposalValidator.MAX_BYTES + 1);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    if (bytes.length > ProposalValidator.MAX_BYTES || !CidV0.of(bytes).equals(cid)) {
      return Optional.empty();
    }
    return Optional.of(bytes);
  }

  /** Stores a document under its own CID (atomically: readers see all of it or nothing). */
  public String write(byte[] document) throws IOException {
    String cid = CidV0.of(document);
    Files.createDirectories(directory);
    Path target = directory.resolve(cid + ".json");
    Path temporary = Files.createTempFile(directory, cid, ".tmp");
    try {
      Files.write(temporary, document);
      try {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
    return cid;
  }
}
