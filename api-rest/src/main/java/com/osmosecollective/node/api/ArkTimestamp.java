package com.osmosecollective.node.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * ARK's timestamp object ({@code formatTimestamp}): seconds since the network epoch, the Unix time
 * they stand for, and that instant in ISO-8601 UTC with milliseconds.
 */
public final class ArkTimestamp {
  private static final DateTimeFormatter HUMAN =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  /** The last texts formatted, by the low bits of their seconds (lists repeat a few of them). */
  private record Human(long seconds, String text) {}

  private final Instant epoch;
  // racy by design: entries are immutable, a lost write only means formatting again
  private final Human[] humans = new Human[256];

  public ArkTimestamp(Instant epoch) {
    this.epoch = Objects.requireNonNull(epoch, "epoch");
  }

  public ObjectNode toJson(long epochSeconds) {
    Instant at = epoch.plusSeconds(epochSeconds);
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("epoch", epochSeconds);
    o.put("unix", at.getEpochSecond());
    o.put("human", human(epochSeconds, at));
    return o;
  }

  private String human(long epochSeconds, Instant at) {
    int slot = (int) (epochSeconds & (humans.length - 1));
    Human known = humans[slot];
    if (known != null && known.seconds() == epochSeconds) {
      return known.text();
    }
    String text = HUMAN.format(at);
    humans[slot] = new Human(epochSeconds, text);
    return text;
  }
}
