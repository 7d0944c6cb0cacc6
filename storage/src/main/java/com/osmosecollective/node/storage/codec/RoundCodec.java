package com.osmosecollective.node.storage.codec;

import com.osmosecollective.node.core.encoding.ByteReader;
import com.osmosecollective.node.core.encoding.ByteWriter;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.storage.RoundDelegate;
import java.util.ArrayList;
import java.util.List;

/** Values of the {@code rounds} column: the ordered delegates with their vote balances. */
public final class RoundCodec implements ValueCodec<List<RoundDelegate>> {
  private static final int MAX_DELEGATES = 0xffff;

  @Override
  public byte[] encode(List<RoundDelegate> delegates) {
    ByteWriter out = new ByteWriter(2 + delegates.size() * 41);
    out.u16(delegates.size());
    for (RoundDelegate d : delegates) {
      Fields.hex(out, d.publicKey(), Fields.PUBLIC_KEY_BYTES, "delegate public key");
      out.u64(d.voteBalance());
    }
    return out.toByteArray();
  }

  @Override
  public List<RoundDelegate> decode(byte[] bytes) throws DecodeException {
    ByteReader in = new ByteReader(bytes);
    int n = Fields.count(in, MAX_DELEGATES, Fields.PUBLIC_KEY_BYTES + 8, "round delegates");
    List<RoundDelegate> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String key = Fields.hex(in, Fields.PUBLIC_KEY_BYTES, "delegate public key");
      out.add(new RoundDelegate(key, Fields.i64(in, "vote balance")));
    }
    Fields.requireEnd(in, "round");
    return List.copyOf(out);
  }
}
