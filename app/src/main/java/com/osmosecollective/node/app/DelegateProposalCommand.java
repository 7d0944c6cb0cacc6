package com.osmosecollective.node.app;

import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.config.settings.SettingsSources;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionJson;
import com.osmosecollective.node.funding.ipfs.CidV0;
import com.osmosecollective.node.funding.proposal.InvalidProposalException;
import com.osmosecollective.node.funding.proposal.ProposalError;
import com.osmosecollective.node.funding.proposal.ProposalRegistration;
import com.osmosecollective.node.funding.proposal.ProposalValidator;
import com.osmosecollective.node.storage.StoreOpenException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code osmose delegate proposal}: validates a proposal, prints its CID, signs its registration.
 */
@Command(
    name = "proposal",
    description = {
      "Check a proposal document (schema and rules), print its IPFS CIDv0 and build the IPFS"
          + " (type 5) transaction registering it, signed with the delegate's key; --broadcast posts"
          + " it. The nonce and the fee come from the chain: a running node's API (--api, else the"
          + " --broadcast node) or a data dir (--data-dir). Once forged, post the document itself"
          + " to the node's /api/proposals.",
      "Exit 0, 1 the node refused the transaction, 2 bad input (each error names its field), 3"
          + " the chain cannot be read."
    })
final class DelegateProposalCommand implements Callable<Integer> {
  @Option(
      names = "--file",
      required = true,
      paramLabel = "<proposal.json>",
      description = "The proposal document (at most 64 KiB).")
  Path file;

  @Option(
      names = "--delegate",
      paramLabel = "<address|publicKey>",
      description = "Which key of the secrets file signs (needed when it holds several).")
  String delegate;

  @Option(
      names = "--broadcast",
      paramLabel = "<url>",
      description = "Post the signed transaction to this node's API, e.g. http://127.0.0.1:4003.")
  String broadcast;

  @Mixin SigningToolOptions signing;

  @Mixin ChainSourceOptions source;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SettingsSources sources = signing.sources(source);
    Network net = SigningToolOptions.network(sources);
    byte[] document;
    try {
      document = read(file);
    } catch (IOException e) {
      err.println("error: " + e.getMessage());
      return CommandLines.EXIT_BAD_INPUT;
    }
    try {
      new ProposalValidator(net.pubKeyHash()).validate(document);
    } catch (InvalidProposalException e) {
      for (ProposalError error : e.errors()) {
        err.println("error: " + file + ": " + error);
      }
      return CommandLines.EXIT_BAD_INPUT;
    }
    String cid = CidV0.of(document);
    out.println("proposal " + file + " is valid");
    out.println("CID: " + cid);
    out.flush();
    if (signing.secrets == null) {
      out.println("no --secrets: no registration transaction built");
      out.flush();
      return 0;
    }
    Optional<PrivateKey> loaded = signing.key(delegate, net.pubKeyHash(), err);
    if (loaded.isEmpty()) {
      return CommandLines.EXIT_BAD_INPUT;
    }
    PrivateKey key = loaded.get();
    String address = SigningKey.address(Hex.encode(key.publicKey()), net.pubKeyHash());
    Transaction tx;
    try (DelegateView view = chain(net, sources)) {
      long tip = view.tipHeight();
      tx =
          ProposalRegistration.build(
              cid, key, view.nonce(address) + 1, net.milestones().at(tip + 1), net.pubKeyHash());
    } catch (StoreOpenException | DelegateView.ViewException e) {
      err.println("error: " + e.getMessage());
      return DelegateCommand.EXIT_UNREADABLE;
    }
    out.println("registration transaction " + tx.id() + " (sender " + address + ")");
    out.println(Json.mapper().writeValueAsString(TransactionJson.toJson(tx)));
    out.flush();
    if (broadcast == null) {
      return 0;
    }
    return new Broadcast(broadcast).postAndReport(List.of(tx), out, err);
  }

  /** The chain the nonce is read from: --api, else the --broadcast node, else the data dir. */
  private DelegateView chain(Network net, SettingsSources sources)
      throws StoreOpenException, com.osmosecollective.node.config.settings.SettingsException {
    if (source.api == null && broadcast != null && source.dataDir.dataDir == null) {
      return new ApiDelegateView(broadcast);
    }
    return source.open(net, sources);
  }

  private static byte[] read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(ProposalValidator.MAX_BYTES + 1);
      if (bytes.length > ProposalValidator.MAX_BYTES) {
        throw new IOException(
            file + " is larger than " + ProposalValidator.MAX_BYTES + " bytes (64 KiB)");
      }
      return bytes;
    } catch (NoSuchFileException e) {
      throw new IOException("no such file: " + file, e);
    }
  }
}
