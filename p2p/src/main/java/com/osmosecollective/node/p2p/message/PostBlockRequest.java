package com.osmosecollective.node.p2p.message;

import com.osmosecollective.node.core.encoding.Bytes;
import java.util.Objects;

/** {@code blocks.PostBlockRequest}: a full serialized block; {@code headers} null when absent. */
public record PostBlockRequest(Bytes block, Headers headers) {
  public PostBlockRequest {
    Objects.requireNonNull(block, "block");
  }
}
