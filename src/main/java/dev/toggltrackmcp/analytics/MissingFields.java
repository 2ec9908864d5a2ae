package dev.toggltrackmcp.analytics;

import dev.toggltrackmcp.analytics.TimesheetFinding.Change;
import dev.toggltrackmcp.analytics.TimesheetFinding.Kind;
import dev.toggltrackmcp.analytics.TimesheetFinding.SetDescription;
import dev.toggltrackmcp.analytics.TimesheetFinding.SetProject;
import dev.toggltrackmcp.analytics.TimesheetFinding.SetTags;
import dev.toggltrackmcp.toggl.model.TimeEntry;
import dev.toggltrackmcp.toggl.model.TimeEntryConstraints;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Entries without project, description or tags, where the workspace's constraints require them or
 * the person usually sets them; each fix suggests what they usually put there.
 */
final class MissingFields {
  private final WorkHabits habits;
  private final UsualValues usual;
  private final Map<Long, TimeEntryConstraints> rules;
  private final FindingText text;

  MissingFields(
      WorkHabits habits,
      UsualValues usual,
      Map<Long, TimeEntryConstraints> rules,
      FindingText text) {
    this.habits = habits;
    this.usual = usual;
    this.rules = rules;
    this.text = text;
  }

  /** Project, description, tags: required by the workspace, or usually set by this person. */
  void addTo(List<TimesheetFinding> out, List<TimeEntry> entries) {
    for (TimeEntry e : entries) {
      TimeEntryConstraints rule = rules.getOrDefault(e.workspaceId(), TimeEntryConstraints.NONE);
      WorkHabits.FieldHabits usually = habits.fieldsIn(e.workspaceId());
      String workspace = text.workspace(e.workspaceId());
      if (e.projectId() == null && (rule.requiresProject() || usually.usuallyProject())) {
        Optional<Long> likely = usual.projectFor(e.workspaceId(), e.description());
        out.add(
            missing(
                Kind.MISSING_PROJECT,
                e,
                "project",
                why(rule.requiresProject(), workspace, usually, usually.withProject(), "a project"),
                likely
                    .map(p -> "Set its project, likely " + text.project(p) + ".")
                    .orElse("Set its project."),
                new SetProject(e.id(), likely.orElse(null))));
      }
      if (e.description().isBlank()
          && (rule.requiresDescription() || usually.usuallyDescription())) {
        Optional<String> likely =
            e.projectId() == null ? Optional.empty() : usual.descriptionFor(e.projectId());
        out.add(
            missing(
                Kind.MISSING_DESCRIPTION,
                e,
                "description",
                why(
                    rule.requiresDescription(),
                    workspace,
                    usually,
                    usually.withDescription(),
                    "a description"),
                likely.map(d -> "Describe it, e.g. \"" + d + "\".").orElse("Describe it."),
                new SetDescription(e.id(), likely.orElse(null))));
      }
      boolean untagged = e.tags().isEmpty() && e.tagIds().isEmpty();
      if (untagged && (rule.requiresTags() || usually.usuallyTags())) {
        Optional<List<String>> likely = usual.tagsFor(e.projectId(), e.description());
        out.add(
            missing(
                Kind.MISSING_TAGS,
                e,
                "tags",
                why(rule.requiresTags(), workspace, usually, usually.withTags(), "tags"),
                likely.map(t -> "Tag it, likely " + String.join(", ", t) + ".").orElse("Tag it."),
                new SetTags(e.id(), likely.orElse(List.of()))));
      }
    }
  }

  private static String why(
      boolean required, String workspace, WorkHabits.FieldHabits usually, int count, String what) {
    return required
        ? workspace + " requires " + what + " on every entry"
        : "you put " + what + " on " + usually.percent(count) + "% of your entries";
  }

  private TimesheetFinding missing(
      Kind kind, TimeEntry e, String field, String why, String fixText, Change fix) {
    return new TimesheetFinding(
        kind,
        List.of(e.id()),
        e.start(),
        e.isRunning() ? null : e.stop(),
        text.entry(e) + " has no " + field + "; " + why + ".",
        fixText,
        List.of(fix));
  }
}
