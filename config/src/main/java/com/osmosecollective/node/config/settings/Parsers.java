package com.osmosecollective.node.config.settings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The readers of setting texts, the same for a flag, a variable and the settings file. Messages
 * complete a sentence that starts with where the text came from; they quote the text, bounded.
 */
public final class Parsers {
  /** Longest text quoted back in a message. */
  private static final int QUOTE_MAX = 60;

  /** Longest host name (RFC 1035). */
  private static final int HOST_MAX = 253;

  private Parsers() {}

  static String quote(String text) {
    String shown = text.length() > QUOTE_MAX ? text.substring(0, QUOTE_MAX) + "…" : text;
    StringBuilder out = new StringBuilder("'");
    shown
        .codePoints()
        .forEach(
            c -> {
              if (Character.isISOControl(c)) {
                out.append(String.format(Locale.ROOT, "\\u%04x", c));
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.append('\'').toString();
  }

  /** {@code true} or {@code false} (any case). */
  public static boolean bool(String text) {
    String lower = text.strip().toLowerCase(Locale.ROOT);
    if (lower.equals("true")) {
      return true;
    }
    if (lower.equals("false")) {
      return false;
    }
    throw new IllegalArgumentException("must be true or false, not " + quote(text));
  }

  /** A whole number of ASCII digits within {@code [min, max]}; {@code what} explains the bounds. */
  public static ValueParser<Integer> integer(int min, int max, String what) {
    return text -> {
      if (!text.matches("-?[0-9]{1,10}")) {
        throw new IllegalArgumentException(
            "must be a whole number (ASCII digits 0-9), not " + quote(text));
      }
      long value = Long.parseLong(text);
      if (value < min || value > max) {
        throw new IllegalArgumentException(
            "must be between " + min + " and " + max + what + ", not " + quote(text));
      }
      return (int) value;
    };
  }

  /** A TCP port; 0 asks for any free port. */
  public static final ValueParser<Integer> PORT = integer(0, 65_535, "");

  /** A directory or file path; the empty text is refused (it would be the current directory). */
  public static Path path(String text) {
    if (text.isBlank()) {
      throw new IllegalArgumentException(
          "must name a directory or file, not an empty text (which would be the current"
              + " directory)");
    }
    if (text.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("must be a path, not a text holding a NUL character");
    }
    try {
      return Path.of(text);
    } catch (java.nio.file.InvalidPathException e) {
      throw new IllegalArgumentException("must be a path, not " + quote(text));
    }
  }

  /**
   * An address to listen on or connect to: a dotted IPv4 address (each part 0-255), an IPv6
   * literal, or a host name. Whether it is one of this machine's addresses is checked when the node
   * binds it, before anything is opened.
   */
  public static String host(String text) {
    String host = text.strip();
    if (host.isEmpty()) {
      throw new IllegalArgumentException("must be an address or host name, not an empty text");
    }
    if (host.matches("[0-9.]+")) {
      requireIpv4(host, text);
    } else if (host.contains(":")) {
      return requireIpv6(host, text);
    } else if (host.length() > HOST_MAX
        || !host.matches(
            "(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*")) {
      throw new IllegalArgumentException(
          "must be an IPv4 or IPv6 address or a host name, not " + quote(text));
    }
    return host;
  }

  private static void requireIpv4(String host, String text) {
    String[] parts = host.split("\\.", -1);
    boolean ok = parts.length == 4;
    for (int i = 0; ok && i < parts.length; i++) {
      String part = parts[i];
      ok =
          !part.isEmpty()
              && part.length() <= 3
              && (part.length() == 1 || part.charAt(0) != '0')
              && Integer.parseInt(part) <= 255;
    }
    if (!ok) {
      throw new IllegalArgumentException(
          "must be an IPv4 address of four numbers 0-255 (e.g. 127.0.0.1), not " + quote(text));
    }
  }

  /** The address without brackets. */
  private static String requireIpv6(String host, String text) {
    String bare =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    // hex groups and colons (and an embedded IPv4 tail); never a name, so no lookup happens
    if (!bare.matches("[0-9a-fA-F:.]{2,45}")) {
      throw new IllegalArgumentException("must be an IPv6 address, not " + quote(text));
    }
    try {
      java.net.InetAddress.getByName(bare);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException("must be an IPv6 address, not " + quote(text));
    }
    return bare;
  }

  /**
   * {@code ip:port[,ip:port...]} ({@code [v6]:port} for IPv6), at most 1000: literal IPs only, as
   * the P2P layer accepts peers (a name would be looked up, and could be answered by anyone).
   */
  public static List<PeerAddress> peers(String text) {
    List<PeerAddress> peers = new ArrayList<>();
    if (text.isBlank()) {
      return peers;
    }
    String[] items = text.split(",", -1);
    if (items.length > ConfigFile.MAX_ITEMS) {
      throw new IllegalArgumentException(
          "must list at most " + ConfigFile.MAX_ITEMS + " peers, not " + items.length);
    }
    for (String item : items) {
      String peer = item.strip();
      int colon = peer.lastIndexOf(':');
      if (colon <= 0 || colon == peer.length() - 1) {
        throw new IllegalArgumentException(
            "must be ip:port items separated by commas, not " + quote(peer));
      }
      String host;
      try {
        host = host(peer.substring(0, colon));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("peer " + quote(peer) + ": host " + e.getMessage());
      }
      if (!host.contains(":") && !host.matches("[0-9.]+")) {
        throw new IllegalArgumentException(
            "peer " + quote(peer) + " must name a literal IP address, not a host name");
      }
      int port;
      try {
        port = integer(1, 65_535, "").parse(peer.substring(colon + 1));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("peer " + quote(peer) + ": port " + e.getMessage());
      }
      PeerAddress address = new PeerAddress(host, port);
      if (!peers.contains(address)) {
        peers.add(address);
      }
    }
    return List.copyOf(peers);
  }

  /** {@code host:port} ({@code [v6]:port} for IPv6): a host name is allowed (a relay's name). */
  public static PeerAddress hostPort(String text) {
    String item = text.strip();
    int colon = item.lastIndexOf(':');
    if (colon <= 0 || colon == item.length() - 1) {
      throw new IllegalArgumentException("must be host:port, not " + quote(item));
    }
    String host = host(item.substring(0, colon));
    int port;
    try {
      port = integer(1, 65_535, "").parse(item.substring(colon + 1));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("port " + e.getMessage());
    }
    return new PeerAddress(host, port);
  }

  /**
   * {@code ip[,ip...]}, at most 1000 literal IPv4 or IPv6 addresses (never names: who may call the
   * internal routes must not depend on a lookup).
   */
  public static List<String> ips(String text) {
    List<String> ips = new ArrayList<>();
    if (text.isBlank()) {
      return ips;
    }
    String[] items = text.split(",", -1);
    if (items.length > ConfigFile.MAX_ITEMS) {
      throw new IllegalArgumentException(
          "must list at most " + ConfigFile.MAX_ITEMS + " addresses, not " + items.length);
    }
    for (String item : items) {
      String ip = host(item);
      if (!ip.contains(":") && !ip.matches("[0-9.]+")) {
        throw new IllegalArgumentException(
            "must list literal IP addresses, not the host name " + quote(item.strip()));
      }
      if (!ips.contains(ip)) {
        ips.add(ip);
      }
    }
    return List.copyOf(ips);
  }

  /** A log level name: TRACE, DEBUG, INFO, WARN, ERROR or OFF (any case). */
  public static String level(String text) {
    String level = text.strip().toUpperCase(Locale.ROOT);
    if (!level.matches("TRACE|DEBUG|INFO|WARN|ERROR|OFF")) {
      throw new IllegalArgumentException(
          "must be TRACE, DEBUG, INFO, WARN, ERROR or OFF, not " + quote(text));
    }
    return level;
  }

  /**
   * Levels per logger, {@code com.osmosecollective.node.p2p=DEBUG,osmose.blocks=WARN} (the root
   * logger is {@code root}); an entry that is not {@code name=LEVEL} is refused, naming it.
   */
  public static Map<String, String> levels(String text) {
    Map<String, String> levels = new LinkedHashMap<>();
    if (text.isBlank()) {
      return levels;
    }
    for (String entry : text.split(",", -1)) {
      String trimmed = entry.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      int equals = trimmed.indexOf('=');
      String name = equals > 0 ? trimmed.substring(0, equals).strip() : "";
      String level =
          equals > 0 ? trimmed.substring(equals + 1).strip().toUpperCase(Locale.ROOT) : "";
      if (name.isEmpty()
          || !level.matches("TRACE|DEBUG|INFO|WARN|ERROR|OFF")
          || !name.matches("[A-Za-z0-9_.$]+")) {
        throw new IllegalArgumentException(
            "has log level "
                + quote(trimmed)
                + " that is not <logger>=<TRACE|DEBUG|INFO|WARN|ERROR|OFF>, e.g."
                + " com.osmosecollective.node.p2p=DEBUG");
      }
      if (levels.size() >= ConfigFile.MAX_ITEMS) {
        throw new IllegalArgumentException("must set at most " + ConfigFile.MAX_ITEMS + " levels");
      }
      levels.put(name, level);
    }
    return java.util.Collections.unmodifiableMap(levels);
  }

  /** An environment variable's name (it holds a secret; the name is not one). */
  public static String variableName(String text) {
    if (!text.matches("[A-Za-z_][A-Za-z0-9_]{0,127}")) {
      throw new IllegalArgumentException(
          "must be an environment variable's name (letters, digits, '_'), not " + quote(text));
    }
    return text;
  }
}
