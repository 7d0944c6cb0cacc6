package com.osmosecollective.node.p2p.peer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ARK's peer version rule ({@code utils/is-valid-version.ts} with core-p2p's default minimum
 * versions {@code ^3.0}, {@code ^3.0.0-next.0} and {@code ^4.0.0-next.0}): a semver 3.x (any
 * pre-release of 3.x allowed, as off mainnet) or a 4.0.0-next pre-release.
 */
public final class AppVersions {
  private static final Pattern SEMVER =
      Pattern.compile(
          "(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})"
              + "(?:-([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?"
              + "(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?");

  private AppVersions() {}

  public static boolean isValidSemver(String version) {
    return version != null && version.length() <= 64 && SEMVER.matcher(version).matches();
  }

  public static boolean accepted(String version) {
    if (version == null || version.length() > 64) {
      return false;
    }
    Matcher m = SEMVER.matcher(version);
    if (!m.matches()) {
      return false;
    }
    int major = Integer.parseInt(m.group(1));
    int minor = Integer.parseInt(m.group(2));
    int patch = Integer.parseInt(m.group(3));
    String pre = m.group(4);
    if (major == 3) {
      return true;
    }
    return major == 4 && minor == 0 && patch == 0 && pre != null && pre.startsWith("next");
  }
}
