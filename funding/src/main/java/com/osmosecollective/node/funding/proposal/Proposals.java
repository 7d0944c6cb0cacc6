package com.osmosecollective.node.funding.proposal;

import com.osmosecollective.node.core.wallet.Wallet;
import com.osmosecollective.node.funding.chain.Delegates;
import com.osmosecollective.node.funding.ipfs.CidV0;
import com.osmosecollective.node.storage.ChainQueries;
import com.osmosecollective.node.storage.Page;
import com.osmosecollective.node.storage.PageRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Delegates' proposals: the latest IPFS registration (type 5 transaction) sent by a delegate's
 * wallet is its proposal; documents are kept by CID only when some delegate registered that CID.
 * The services behind {@code POST/GET /api/proposals} and {@code osmose delegate proposal}.
 */
public final class Proposals {
  private final ChainQueries queries;
  private final ProposalValidator validator;
  private final ProposalStore store;
  private final Registrations registrations;
  private final Delegates delegates;

  public Proposals(ChainQueries queries, ProposalValidator validator, ProposalStore store) {
    this.queries = queries;
    this.validator = validator;
    this.store = store;
    this.registrations = new Registrations(queries);
    this.delegates = new Delegates(queries);
  }

  public Registrations registrations() {
    return registrations;
  }

  public ProposalValidator validator() {
    return validator;
  }

  /**
   * Validates a document and keeps it if a delegate registered its CID.
   *
   * @throws InvalidProposalException the document breaks the schema or its rules (a 422 naming the
   *     field)
   * @throws UnregisteredProposalException no delegate registered its CID
   */
  public DelegateProposal submit(byte[] document)
      throws InvalidProposalException, UnregisteredProposalException {
    Proposal proposal = validator.validate(document);
    String cid = CidV0.of(document);
    Registration registration =
        registrations
            .of(cid)
            .orElseThrow(
                () -> new UnregisteredProposalException(cid, "no transaction registered its CID"));
    Wallet sender =
        queries
            .wallet(registration.senderAddress())
            .filter(Wallet::isDelegate)
            .orElseThrow(
                () ->
                    new UnregisteredProposalException(
                        cid, "registered by " + registration.senderAddress() + ", not a delegate"));
    try {
      store.write(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return view(sender, registration, Optional.of(proposal));
  }

  /** The registration of a CID by a delegate, with its document if held. */
  public Optional<DelegateProposal> byCid(String cid) {
    Optional<Registration> registration = registrations.of(cid);
    if (registration.isEmpty()) {
      return Optional.empty();
    }
    Optional<Wallet> sender =
        queries.wallet(registration.get().senderAddress()).filter(Wallet::isDelegate);
    return sender.map(w -> view(w, registration.get(), document(cid)));
  }

  /** The stored document bytes of a CID, exactly as posted. */
  public Optional<byte[]> documentBytes(String cid) {
    try {
      return store.read(cid);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A delegate's current proposal (by username, address or public key). */
  public Optional<DelegateProposal> current(String delegateId) {
    return delegates.find(delegateId).flatMap(this::current);
  }

  public Optional<DelegateProposal> current(Wallet delegate) {
    return registrations
        .latest(delegate, Long.MAX_VALUE)
        .map(r -> view(delegate, r, document(r.cid())));
  }

  /** Every delegate's current proposal (active by rank, then resigned). */
  public List<DelegateProposal> all() {
    List<DelegateProposal> out = new ArrayList<>();
    for (boolean resigned : new boolean[] {false, true}) {
      int offset = 0;
      Page<Wallet> page;
      do {
        page = queries.delegates(resigned, new PageRequest(offset, 100, true));
        for (Wallet w : page.items()) {
          current(w).ifPresent(out::add);
        }
        offset += page.items().size();
      } while (page.hasMore());
    }
    return out;
  }

  /**
   * The proposal in force for a block at {@code height} forged by {@code delegate}: its latest
   * registration in a block below that height. Empty when it had registered none.
   *
   * @throws ProposalUnavailableException the registered document is not held or not valid
   */
  public Optional<ProposalInForce> inForce(Wallet delegate, long height)
      throws ProposalUnavailableException {
    Optional<Registration> registration = registrations.latest(delegate, height);
    if (registration.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(load(registration.get()));
  }

  /** The document of a registration, validated. */
  public ProposalInForce load(Registration registration) throws ProposalUnavailableException {
    String cid = registration.cid();
    byte[] bytes =
        documentBytes(cid)
            .orElseThrow(() -> new ProposalUnavailableException(cid, "document not posted"));
    try {
      return new ProposalInForce(registration, validator.validate(bytes));
    } catch (InvalidProposalException e) {
      throw new ProposalUnavailableException(cid, "invalid document: " + e.getMessage());
    }
  }

  private Optional<Proposal> document(String cid) {
    return documentBytes(cid)
        .flatMap(
            bytes -> {
              try {
                return Optional.of(validator.validate(bytes));
              } catch (InvalidProposalException e) {
                return Optional.empty();
              }
            });
  }

  private static DelegateProposal view(
      Wallet delegate, Registration registration, Optional<Proposal> proposal) {
    return new DelegateProposal(
        delegate.delegate().username(),
        delegate.address(),
        delegate.publicKey(),
        registration,
        proposal);
  }

  /** A proposal with the registration that put it in force. */
  public record ProposalInForce(Registration registration, Proposal proposal) {}
}
