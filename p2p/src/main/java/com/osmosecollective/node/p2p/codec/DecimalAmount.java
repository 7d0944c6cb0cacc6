package com.osmosecollective.node.p2p.codec;

import com.osmosecollective.node.core.encoding.DecodeException;

/** Amounts travel as decimal strings (ARK's BigNumber.toString()); we hold them as arktoshi. */
final class DecimalAmount {
  private static final int MAX_DIGITS = 19;

  private DecimalAmount() {}

  /**
   * Parses a canonical non-negative decimal (no sign, no leading zero) that fits a long. Only the
   * canonical form is accepted so that re-encoding gives back the bytes received.
   */
  static long parse(String text, String what) throws DecodeException {
    if (text == null || text.isEmpty()) {
      throw new DecodeException(what + " is missing");
    }
    if (text.length() > MAX_DIGITS) {
      throw new DecodeException(what + " has more than " + MAX_DIGITS + " digits");
    }
    if (text.length() > 1 && text.charAt(0) == '0') {
      throw new DecodeException(what + " has a leading zero: " + text);
    }
    long value = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        throw new DecodeException(what + " is not a decimal amount: " + text);
      }
      try {
        value = Math.addExact(Math.multiplyExact(value, 10), c - '0');
      } catch (ArithmeticException e) {
        throw new DecodeException(what + " exceeds 2^63-1: " + text);
      }
    }
    return value;
  }

  static String format(long amount, String what) {
    if (amount < 0) {
      throw new IllegalArgumentException(what + " is negative: " + amount);
    }
    return Long.toString(amount);
  }
}
