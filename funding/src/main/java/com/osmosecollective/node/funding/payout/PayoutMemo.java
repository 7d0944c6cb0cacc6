package com.osmosecollective.node.funding.payout;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The vendor-field memo of a payout transaction: {@code osmose payout <username> <from>-<to>}. It
 * names the blocks paid for, so a later run never pays them again. The username (≤ 20 chars) keeps
 * the memo within OSMOSE's 64-byte vendor field of 2018 as well as the 255 bytes of today.
 */
public record PayoutMemo(String username, long fromHeight, long toHeight) {
  private static final Pattern FORM =
      Pattern.compile("osmose payout ([a-z0-9!@$&_.]{1,20}) ([1-9][0-9]{0,17})-([1-9][0-9]{0,17})");

  public PayoutMemo {
    if (fromHeight < 1 || toHeight < fromHeight) {
      throw new IllegalArgumentException("memo range " + fromHeight + "-" + toHeight);
    }
  }

  public static Optional<PayoutMemo> parse(String vendorField) {
    if (vendorField == null) {
      return Optional.empty();
    }
    Matcher m = FORM.matcher(vendorField);
    if (!m.matches()) {
      return Optional.empty();
    }
    long from = Long.parseLong(m.group(2));
    long to = Long.parseLong(m.group(3));
    return to < from ? Optional.empty() : Optional.of(new PayoutMemo(m.group(1), from, to));
  }

  public boolean covers(long height) {
    return height >= fromHeight && height <= toHeight;
  }

  @Override
  public String toString() {
    return "osmose payout " + username + " " + fromHeight + "-" + toHeight;
  }
}
