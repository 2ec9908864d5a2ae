package dev.toggltrackmcp.sandbox;

import dev.toggltrackmcp.sandbox.World.Project;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/** What one person works on: chosen afresh for each day, then activity by activity. */
interface ProjectMix {

  /** One thing done in one time entry; {@code length} scales the person's usual entry length. */
  record Activity(
      long workspaceId,
      @Nullable Project project,
      @Nullable Long taskId,
      String description,
      List<Long> tagIds,
      double length) {

    public Activity {
      tagIds = List.copyOf(tagIds);
    }

    /** Has everything a careful timesheet has: project, description and tags. */
    public boolean complete() {
      return project != null && !description.isEmpty() && !tagIds.isEmpty();
    }
  }

  /** The activities of one worked day; {@code clean} days only get complete activities. */
  interface Day {
    Activity next(Random random, boolean clean);
  }

  Day workday(LocalDate date, Random random);

  /** An hour or two of weekend work: side projects, or catching up. */
  Day weekend(LocalDate date, Random random);

  /** Picks an index with the given weights. */
  static int weighted(Random random, int... weights) {
    int total = 0;
    for (int w : weights) {
      total += w;
    }
    int roll = random.nextInt(total);
    for (int i = 0; i < weights.length; i++) {
      roll -= weights[i];
      if (roll < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  static <T> T pick(Random random, List<T> from) {
    return from.get(random.nextInt(from.size()));
  }
}
