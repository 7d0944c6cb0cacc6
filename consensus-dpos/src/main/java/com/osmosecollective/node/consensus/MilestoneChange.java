package com.osmosecollective.node.consensus;

import com.osmosecollective.node.config.Milestone;
import com.osmosecollective.node.config.Milestones;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * A height at which one milestone key takes a new value (ARK's {@code MilestoneSearchResult}).
 *
 * @param height first height with the new value
 * @param value the value from that height on
 */
public record MilestoneChange(long height, long value) {

  /**
   * The heights where {@code key} changes, starting with height 1 and its value there. Follows
   * ARK's {@code getNextMilestoneWithNewKey}: the next change is the first milestone above the
   * previous change whose value differs from the value in force at the previous change.
   */
  public static List<MilestoneChange> of(Milestones milestones, ToLongFunction<Milestone> key) {
    List<Milestone> all = milestones.all();
    List<MilestoneChange> changes = new ArrayList<>();
    long previousHeight = 1;
    long previousValue = key.applyAsLong(milestones.at(1));
    changes.add(new MilestoneChange(1, previousValue));
    boolean found = true;
    while (found) {
      found = false;
      for (Milestone milestone : all) {
        long value = key.applyAsLong(milestone);
        if (milestone.height() > previousHeight && value != 0 && value != previousValue) {
          changes.add(new MilestoneChange(milestone.height(), value));
          previousHeight = milestone.height();
          previousValue = value;
          found = true;
          break;
        }
      }
    }
    return List.copyOf(changes);
  }
}
