package com.osmosecollective.node.app;

import com.osmosecollective.node.config.settings.SettingKey;
import java.util.HashMap;
import java.util.Map;

/** The texts given on the command line for settings of the model, by setting name. */
final class Flags {
  private final Map<String, String> texts = new HashMap<>();

  /** Records {@code text} for {@code key} when the flag was given (non-null). */
  Flags put(SettingKey<?> key, String text) {
    if (text != null) {
      texts.put(key.name(), text);
    }
    return this;
  }

  Map<String, String> texts() {
    return Map.copyOf(texts);
  }

  /** An option group of the model: it adds the flags it was given. */
  interface Group {
    void addTo(Flags flags);
  }
}
