package dev.toggltrackmcp.analytics;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One problem {@link TimesheetCheck} found: what kind, which entries, the span it is about, one
 * sentence saying what is wrong, and the fix — as a sentence and as the changes that make it, which
 * the tool layer turns into write tool calls.
 *
 * @param start where the problem starts: the overlap, the gap, or the entry
 * @param stop where it ends (null for an entry still running)
 */
public record TimesheetFinding(
    Kind kind,
    List<Long> entryIds,
    Instant start,
    @Nullable Instant stop,
    String detail,
    String fixText,
    List<Change> fix) {

  public TimesheetFinding {
    entryIds = List.copyOf(entryIds);
    fix = List.copyOf(fix);
  }

  /** The kinds, in the order answers list them when several share a start. */
  public enum Kind {
    DUPLICATE,
    OVERLAP,
    LONG_ENTRY,
    RUNNING_OVERNIGHT,
    CROSSES_MIDNIGHT,
    GAP,
    MISSING_PROJECT,
    MISSING_DESCRIPTION,
    MISSING_TAGS;

    public String argumentName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** One change to the user's entries that fixes (part of) a finding. */
  public sealed interface Change {}

  /** New start and/or stop for an entry (null: keep). */
  public record SetTimes(long entryId, @Nullable Instant start, @Nullable Instant stop)
      implements Change {}

  /** A project for an entry; null when no likely one is known and the user must choose. */
  public record SetProject(long entryId, @Nullable Long projectId) implements Change {}

  /** A description; null when the user must write one. */
  public record SetDescription(long entryId, @Nullable String description) implements Change {}

  /** Tags for an entry; empty when the user must choose. */
  public record SetTags(long entryId, List<String> tags) implements Change {
    public SetTags {
      tags = List.copyOf(tags);
    }
  }

  public record Delete(long entryId) implements Change {}

  /** A new finished entry (to fill a gap, or the second half of a split). */
  public record Create(
      long workspaceId,
      Instant start,
      Instant stop,
      @Nullable Long projectId,
      @Nullable String description,
      List<String> tags)
      implements Change {
    public Create {
      tags = List.copyOf(tags);
    }
  }
}
