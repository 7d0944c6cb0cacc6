package com.osmosecollective.node.p2p.codec;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import com.osmosecollective.node.core.encoding.DecodeException;
import java.util.List;
import java.util.Map;

/**
 * Parsing with protobuf-java under this node's rules: the caller has already bounded the payload
 * (the frame limit of its route), any parse failure becomes a {@link DecodeException}, and a field
 * this protocol does not define is refused rather than carried along (SV-044).
 */
final class Protobuf {
  private Protobuf() {}

  static <T extends Message> T parse(Parser<T> parser, byte[] payload, String what)
      throws DecodeException {
    return parse(parser, payload, 0, payload.length, what);
  }

  static <T extends Message> T parse(
      Parser<T> parser, byte[] payload, int offset, int length, String what)
      throws DecodeException {
    T message;
    try {
      message = parser.parseFrom(payload, offset, length);
    } catch (InvalidProtocolBufferException e) {
      throw new DecodeException(what + " is not a valid message: " + e.getMessage());
    } catch (RuntimeException e) {
      throw new DecodeException(what + " could not be parsed: " + e.getMessage());
    }
    requireKnownFields(message, what);
    return message;
  }

  /** Refuses unknown fields at any depth. */
  private static void requireKnownFields(Message message, String what) throws DecodeException {
    if (!message.getUnknownFields().asMap().isEmpty()) {
      throw new DecodeException(
          what + " has fields this protocol does not define: " + message.getUnknownFields());
    }
    for (Map.Entry<FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
      if (field.getKey().getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
        continue;
      }
      if (field.getValue() instanceof List<?> list) {
        for (Object element : list) {
          requireKnownFields((Message) element, what);
        }
      } else {
        requireKnownFields((Message) field.getValue(), what);
      }
    }
  }

  /** A text field within {@link WireLimits#MAX_TEXT_BYTES}. */
  static String text(String value, String what) throws DecodeException {
    // a UTF-8 string is at least as many bytes as chars, at most 3 per char
    if (value.length() > WireLimits.MAX_TEXT_BYTES
        || (value.length() * 3 > WireLimits.MAX_TEXT_BYTES
            && value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                > WireLimits.MAX_TEXT_BYTES)) {
      throw new DecodeException(what + " is longer than " + WireLimits.MAX_TEXT_BYTES + " bytes");
    }
    return value;
  }
}
