package com.osmosecollective.node.p2p.nes;

import com.osmosecollective.node.core.encoding.DecodeException;

/** The message types of ARK's nes fork, with the byte each is written as. */
public enum NesFrameType {
  HELLO(0),
  PING(1),
  UPDATE(2),
  REQUEST(3),
  /** ARK's name for "no type given"; still a legal frame type on the wire. */
  UNDEFINED(9);

  private final int code;

  NesFrameType(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The type written as {@code code}; any other byte is refused, as ARK's parser does. */
  public static NesFrameType fromCode(int code) throws DecodeException {
    for (NesFrameType type : values()) {
      if (type.code == code) {
        return type;
      }
    }
    throw new DecodeException("unknown nes frame type " + code);
  }
}
