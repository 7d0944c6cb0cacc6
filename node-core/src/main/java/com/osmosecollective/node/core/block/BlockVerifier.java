package com.osmosecollective.node.core.block;

import com.osmosecollective.node.config.Milestone;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.core.crypto.SignatureVerifier;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.SenderKeys;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionSchema;
import com.osmosecollective.node.core.tx.TransactionSchemaException;
import com.osmosecollective.node.core.tx.TransactionVerifier;
import com.osmosecollective.node.core.tx.TxContext;
import com.osmosecollective.node.core.tx.VerificationResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Verifies a block without any chain state: ARK 3's {@code Block.verify} (spec §5.7, consensus spec
 * §3.1), with the same error texts. Transaction signatures, the expensive part, are checked in
 * parallel on the given executor.
 */
public final class BlockVerifier {
  /** Transactions per parallel task: large enough to amortise scheduling, small enough to split. */
  private static final int CHUNK = 16;

  private final Network network;
  private final BlockCodec codec;
  private final SignatureVerifier signatures;
  private final TransactionVerifier transactions;
  private final Executor executor;

  public BlockVerifier(Network network, SignatureVerifier signatures, Executor executor) {
    this.network = network;
    this.codec = new BlockCodec(network);
    this.signatures = signatures;
    this.transactions = new TransactionVerifier(signatures);
    this.executor = executor;
  }

  /**
   * Verifies a block in isolation, waiting for its transactions' signatures.
   *
   * @param nowEpochSeconds the current time in network epoch seconds (blocks from the future fail)
   */
  public BlockVerification verify(Block block, long nowEpochSeconds) {
    return verify(block, nowEpochSeconds, true).join();
  }

  /**
   * {@link #verify} that returns once the cheap checks ran on this thread, while the transaction
   * signatures are still being checked: the caller may prepare what does not depend on the result.
   */
  public CompletableFuture<BlockVerification> verifyAsync(Block block, long nowEpochSeconds) {
    return verify(block, nowEpochSeconds, true);
  }

  /**
   * {@link #verify} without the transactions' signature checks, for blocks this node verified in
   * full when it first accepted them (read back from its own database or a snapshot of it). Every
   * other check stays, the block signature included: the signed header's payload hash covers the
   * transaction ids, and a transaction id is the hash of the transaction's bytes with its
   * signatures, so no transaction of a block can be altered or swapped without breaking the
   * generator's signature. What this cannot catch is a block whose generator itself signed
   * transactions with invalid signatures: only a source that verified them earlier rules that out.
   */
  public BlockVerification verifyTrusted(Block block, long nowEpochSeconds) {
    return verify(block, nowEpochSeconds, false).join();
  }

  private CompletableFuture<BlockVerification> verify(
      Block block, long nowEpochSeconds, boolean transactionSignatures) {
    List<String> errors = new ArrayList<>();
    BlockHeader header = block.header();
    Milestone milestone = network.milestones().at(header.height());
    // Signatures first, in parallel, while the cheap checks run on this thread.
    CompletableFuture<TxOutcome> txOutcome = verifyTransactionsAsync(block, transactionSignatures);

    if (header.height() != 1 && header.previousBlock() == null) {
      errors.add("Invalid previous block");
    }
    if (header.height() != 1 && header.reward() != milestone.reward()) {
      errors.add("Invalid block reward: " + header.reward() + " expected: " + milestone.reward());
    }
    if (!signatureValid(header)) {
      errors.add("Failed to verify block signature");
    }
    if (header.version() != milestone.blockVersion()) {
      errors.add("Invalid block version");
    }
    if (header.timestamp() > nowEpochSeconds + milestone.blocktime()) {
      errors.add("Invalid block timestamp");
    }
    try {
      if (codec.serializedSize(block) > milestone.maxPayload()) {
        errors.add("Payload is too large");
      }
    } catch (DecodeException e) {
      errors.add("Block cannot be serialized: " + e.getMessage());
    }
    List<Transaction> txs = block.transactions();
    if (txs.size() != header.numberOfTransactions()) {
      errors.add("Invalid number of transactions");
    }
    if (header.height() != 1 && txs.size() > milestone.maxTransactions()) {
      errors.add("Transactions length is too high");
    }
    checkTransactionRules(block, milestone, errors);
    checkTotals(block, errors);

    return txOutcome.thenApply(
        outcome -> {
          errors.addAll(outcome.errors());
          return new BlockVerification(errors.isEmpty(), errors, outcome.walletChecks());
        });
  }

  private boolean signatureValid(BlockHeader header) {
    byte[] signature = header.blockSignature();
    if (signature == null) {
      return false;
    }
    try {
      return signatures.verifyEcdsa(
          codec.headers().signingDigest(header), signature, header.generatorPublicKey());
    } catch (DecodeException e) {
      return false;
    }
  }

  private void checkTransactionRules(Block block, Milestone milestone, List<String> errors) {
    long height = block.height();
    Set<String> ids = new HashSet<>();
    for (Transaction tx : block.transactions()) {
      if (!ids.add(tx.id())) {
        errors.add("Encountered duplicate transaction: " + tx.id());
      }
      if (tx.asset() instanceof Asset.Transfer transfer
          && tx.version() >= 2
          && transfer.expiration() > 0
          && transfer.expiration() <= height
          && !milestone.flag("ignoreExpiredTransactions")) {
        errors.add("Encountered expired transaction: " + tx.id());
      }
      if (tx.version() == 1 && !milestone.acceptExpiredTransactionTimestamps() && height != 1) {
        if (tx.timestamp() > block.timestamp() + 3600 + milestone.blocktime()) {
          errors.add("Encountered future transaction: " + tx.id());
        } else if (block.timestamp() - tx.timestamp() > 21600) {
          errors.add("Encountered expired transaction: " + tx.id());
        }
      }
    }
  }

  private static void checkTotals(Block block, List<String> errors) {
    BlockTotals totals;
    try {
      totals = BlockTotals.of(block.transactions());
    } catch (ArithmeticException e) {
      errors.add("Invalid total amount");
      return;
    }
    BlockHeader header = block.header();
    if (totals.amount() != header.totalAmount()) {
      errors.add("Invalid total amount");
    }
    if (totals.fee() != header.totalFee()) {
      errors.add("Invalid total fee");
    }
    byte[] expected =
        block.isGenesis()
            ? PayloadHash.ofGenesis(block.transactions())
            : PayloadHash.ofIds(block.transactions());
    if (!Arrays.equals(expected, header.payloadHash())) {
      errors.add("Invalid payload hash");
    }
  }

  private CompletableFuture<TxOutcome> verifyTransactionsAsync(Block block, boolean signed) {
    List<Transaction> txs = block.transactions();
    TxContext ctx = TxContext.of(network, block.height());
    boolean genesis = block.isGenesis();
    List<CompletableFuture<TxOutcome>> parts = new ArrayList<>();
    for (int from = 0; from < txs.size(); from += CHUNK) {
      List<Transaction> chunk = txs.subList(from, Math.min(txs.size(), from + CHUNK));
      parts.add(
          CompletableFuture.supplyAsync(() -> verifyChunk(chunk, ctx, genesis, signed), executor));
    }
    return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new))
        .thenApply(
            done -> {
              List<String> errors = new ArrayList<>();
              List<Transaction> walletChecks = new ArrayList<>();
              for (CompletableFuture<TxOutcome> part : parts) {
                TxOutcome outcome = part.join();
                errors.addAll(outcome.errors());
                walletChecks.addAll(outcome.walletChecks());
              }
              return new TxOutcome(errors, walletChecks);
            });
  }

  private TxOutcome verifyChunk(
      List<Transaction> chunk, TxContext ctx, boolean genesis, boolean signed) {
    List<String> errors = new ArrayList<>();
    List<Transaction> walletChecks = new ArrayList<>();
    for (Transaction tx : chunk) {
      if (network.exceptions().isTransactionException(tx.id())) {
        // ARK's Verifier and schema step accept exception transactions unchecked
        continue;
      }
      try {
        TransactionSchema.check(tx, ctx, genesis);
      } catch (TransactionSchemaException e) {
        errors.add("Invalid transaction " + tx.id() + ": " + e.getMessage());
        continue;
      }
      VerificationResult result =
          signed
              ? transactions.verifyWithoutWallet(tx, ctx)
              : transactions.verifyWithoutSignatures(tx, ctx);
      if (!result.verified()) {
        errors.add(invalid(tx, result));
      } else if (TransactionVerifier.needsSenderWallet(tx)) {
        walletChecks.add(tx);
      }
    }
    return new TxOutcome(errors, walletChecks);
  }

  /**
   * Verifies the {@link BlockVerification#walletChecks} of a block of height {@code height} with
   * their senders' keys from state; returns the errors (none when all verify).
   */
  public List<String> verifyWithWallets(
      List<Transaction> walletChecks, long height, Function<Transaction, SenderKeys> senderKeys) {
    TxContext ctx = TxContext.of(network, height);
    List<String> errors = new ArrayList<>();
    for (Transaction tx : walletChecks) {
      VerificationResult result = transactions.verify(tx, ctx, senderKeys.apply(tx));
      if (!result.verified()) {
        errors.add(invalid(tx, result));
      }
    }
    return errors;
  }

  private static String invalid(Transaction tx, VerificationResult result) {
    return "Invalid transaction " + tx.id() + ": " + String.join(", ", result.reasons());
  }

  private record TxOutcome(List<String> errors, List<Transaction> walletChecks) {}
}
