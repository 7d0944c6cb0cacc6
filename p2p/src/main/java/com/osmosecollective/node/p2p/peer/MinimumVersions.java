package com.osmosecollective.node.p2p.peer;

import com.fasterxml.jackson.databind.JsonNode;
import com.osmosecollective.node.config.Milestone;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A milestone's {@code p2p.minimumVersions} (spec §7.4; e.g. mainnet's {@code [">=3.5.0"]}): a
 * peer's version must satisfy one of the ranges, as node-semver's {@code satisfies} with
 * pre-releases included. Ranges are comparators ({@code >= > <= < = ^ ~}, partial versions allowed)
 * joined by spaces (all must hold) and {@code ||} (any alternative). No list: no limit. A range
 * this class cannot read is satisfied by no version.
 */
public final class MinimumVersions {
  private static final Pattern COMPARATOR =
      Pattern.compile(
          "(>=|<=|>|<|=|\\^|~)?v?(\\d{1,9})(?:\\.(\\d{1,9}))?(?:\\.(\\d{1,9})(-[0-9A-Za-z.-]+)?)?");
  private static final Pattern VERSION =
      Pattern.compile("(\\d{1,9})\\.(\\d{1,9})\\.(\\d{1,9})(?:-([0-9A-Za-z.-]+))?(?:\\+.*)?");

  private static final Pattern OR = Pattern.compile("\\|\\|");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private final List<String> ranges;

  public MinimumVersions(List<String> ranges) {
    this.ranges = List.copyOf(ranges);
  }

  /** The ranges of {@code milestone}'s {@code p2p.minimumVersions}, none when it has none. */
  public static MinimumVersions of(Milestone milestone) {
    JsonNode list =
        milestone.raw() == null ? null : milestone.raw().path("p2p").path("minimumVersions");
    List<String> ranges = new ArrayList<>();
    if (list != null && list.isArray()) {
      list.forEach(range -> ranges.add(range.asText()));
    }
    return new MinimumVersions(ranges);
  }

  public List<String> ranges() {
    return ranges;
  }

  public boolean accepts(String version) {
    if (ranges.isEmpty()) {
      return true;
    }
    Matcher v = VERSION.matcher(version == null ? "" : version);
    if (!v.matches()) {
      return false;
    }
    long[] ours = {
      Long.parseLong(v.group(1)),
      Long.parseLong(v.group(2)),
      Long.parseLong(v.group(3)),
      v.group(4) == null ? 1 : 0 // a pre-release sorts below its release
    };
    return ranges.stream().anyMatch(range -> satisfies(ours, range));
  }

  private static boolean satisfies(long[] version, String range) {
    for (String alternative : OR.split(range, -1)) {
      String trimmed = alternative.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      boolean all = true;
      for (String comparator : SPACES.split(trimmed, -1)) {
        if (!holds(version, comparator)) {
          all = false;
          break;
        }
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  /** One comparator; a partial version X or X.Y means the range of versions it covers. */
  private static boolean holds(long[] version, String comparator) {
    Matcher m = COMPARATOR.matcher(comparator);
    if (!m.matches()) {
      return false;
    }
    String op = m.group(1) == null ? "=" : m.group(1);
    int given = m.group(4) != null ? 3 : m.group(3) != null ? 2 : 1;
    long[] low = {
      Long.parseLong(m.group(2)),
      m.group(3) == null ? 0 : Long.parseLong(m.group(3)),
      m.group(4) == null ? 0 : Long.parseLong(m.group(4)),
      0 // the lowest pre-release of that version
    };
    // the first version above what the partial covers
    long[] above = low.clone();
    above[given - 1]++;
    for (int i = given; i < 3; i++) {
      above[i] = 0;
    }
    if (given == 3) {
      above = new long[] {low[0], low[1], low[2], 2}; // just above the release itself
      // X.Y.Z: the release, not its pre-releases; X.Y.Z-pre: its pre-releases too (their own
      // order is not compared)
      low[3] = m.group(5) == null ? 1 : 0;
    }
    return switch (op) {
      case ">=" -> compare(version, low) >= 0;
      case ">" -> compare(version, above) >= 0;
      case "<" -> compare(version, low) < 0;
      case "<=" -> compare(version, above) < 0;
      case "^" -> compare(version, low) >= 0 && compare(version, caretTop(low)) < 0;
      case "~" ->
          compare(version, low) >= 0
              && compare(
                      version,
                      given == 1
                          ? new long[] {low[0] + 1, 0, 0, 0}
                          : new long[] {low[0], low[1] + 1, 0, 0})
                  < 0;
      default -> compare(version, low) >= 0 && compare(version, above) < 0;
    };
  }

  private static long[] caretTop(long[] low) {
    if (low[0] > 0) {
      return new long[] {low[0] + 1, 0, 0, 0};
    }
    if (low[1] > 0) {
      return new long[] {0, low[1] + 1, 0, 0};
    }
    return new long[] {0, 0, low[2] + 1, 0};
  }

  private static int compare(long[] a, long[] b) {
    for (int i = 0; i < 4; i++) {
      int c = Long.compare(a[i], b[i]);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }
}
