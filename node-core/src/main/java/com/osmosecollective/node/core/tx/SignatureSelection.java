package com.osmosecollective.node.core.tx;

/** Which signature fields a serialization includes (spec §2.3): the preimage of each digest. */
public enum SignatureSelection {
  /** Everything: the wire form and the v2 id preimage. */
  ALL(true, true, true),
  /** Preimage of the sender's {@code signature}: participant signatures stay in. */
  FOR_SIGNATURE(false, false, true),
  /** Preimage of the {@code secondSignature}: the first signature and participants stay in. */
  FOR_SECOND_SIGNATURE(true, false, true),
  /** Preimage of the multi-signature participants: no signature field at all. */
  FOR_PARTICIPANTS(false, false, false);

  final boolean signature;
  final boolean secondSignature;
  final boolean participants;

  SignatureSelection(boolean signature, boolean secondSignature, boolean participants) {
    this.signature = signature;
    this.secondSignature = secondSignature;
    this.participants = participants;
  }
}
