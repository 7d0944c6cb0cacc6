package com.osmosecollective.node.p2p.peer;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Peer addresses as this node accepts them (SV-009): literal IPv4 (four decimal octets without
 * leading zeros) or IPv6 only, never a host name or a decimal integer, held in canonical form.
 */
public final class PeerIp {
  private static final Pattern IPV4 =
      Pattern.compile(
          "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]{2,45}");

  private PeerIp() {}

  /** The address of a literal IP, empty for anything else (names, integers, scoped IPv6). */
  public static Optional<InetAddress> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    boolean v4 = IPV4.matcher(text).matches();
    boolean v6 = !v4 && text.indexOf(':') >= 0 && IPV6.matcher(text).matches();
    if (!v4 && !v6) {
      return Optional.empty();
    }
    try {
      // a literal never triggers a name lookup
      return Optional.of(InetAddress.getByName(v6 ? "[" + text + "]" : text));
    } catch (UnknownHostException | SecurityException e) {
      return Optional.empty();
    }
  }

  /** The canonical text: dotted quad, or RFC 5952 compressed lowercase IPv6. */
  public static String canonical(InetAddress ip) {
    if (ip instanceof Inet4Address) {
      return ip.getHostAddress();
    }
    byte[] b = ip.getAddress();
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      if (groups[i] == 0) {
        int j = i;
        while (j < 8 && groups[j] == 0) {
          j++;
        }
        if (j - i > bestLength) {
          bestStart = i;
          bestLength = j - i;
        }
        i = j;
      } else {
        i++;
      }
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        out.append("::");
        i += bestLength - 1;
        continue;
      }
      if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
        out.append(':');
      }
      out.append(Integer.toHexString(groups[i]));
    }
    return out.toString();
  }

  /** Loopback, private, link-local, carrier-grade NAT or unique-local: not a public peer. */
  public static boolean isLocal(InetAddress ip) {
    if (ip.isLoopbackAddress() || ip.isSiteLocalAddress() || ip.isLinkLocalAddress()) {
      return true;
    }
    byte[] b = ip.getAddress();
    if (ip instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      return first == 0 || (first == 100 && second >= 64 && second < 128);
    }
    return ip instanceof Inet6Address && (b[0] & 0xfe) == 0xfc;
  }

  /** Addresses that are never a peer: unspecified, multicast, broadcast. */
  public static boolean isUnusable(InetAddress ip) {
    if (ip.isAnyLocalAddress() || ip.isMulticastAddress()) {
      return true;
    }
    byte[] b = ip.getAddress();
    return ip instanceof Inet4Address
        && (b[0] & 0xff) == 255
        && (b[1] & 0xff) == 255
        && (b[2] & 0xff) == 255
        && (b[3] & 0xff) == 255;
  }

  /** The /24 of an IPv4 address (ARK's same-subnet rule); IPv6 addresses use their /64. */
  public static String subnet(InetAddress ip) {
    byte[] b = ip.getAddress();
    if (ip instanceof Inet4Address) {
      return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + ".0/24";
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      out.append(String.format("%02x", b[i]));
    }
    return out + "/64";
  }
}
