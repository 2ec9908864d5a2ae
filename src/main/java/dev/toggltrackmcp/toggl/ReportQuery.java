package dev.toggltrackmcp.toggl;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What narrows a Reports request, in Toggl's ids: {@code user_ids}, {@code project_ids}, {@code
 * client_ids}, {@code tag_ids} (an entry with any of them), {@code description} and {@code
 * billable}. Empty lists narrow nothing.
 */
public record ReportQuery(
    List<Long> userIds,
    List<Long> projectIds,
    List<Long> clientIds,
    List<Long> tagIds,
    @Nullable String description,
    @Nullable Boolean billable) {

  public static final ReportQuery EVERYONE =
      new ReportQuery(List.of(), List.of(), List.of(), List.of(), null, null);

  public ReportQuery {
    userIds = List.copyOf(userIds);
    projectIds = List.copyOf(projectIds);
    clientIds = List.copyOf(clientIds);
    tagIds = List.copyOf(tagIds);
    description = description == null || description.isBlank() ? null : description;
  }

  /** One person's own entries: the personal history load. */
  public static ReportQuery ofUser(long userId) {
    return new ReportQuery(List.of(userId), List.of(), List.of(), List.of(), null, null);
  }

  public ReportQuery withBillable(@Nullable Boolean only) {
    return new ReportQuery(userIds, projectIds, clientIds, tagIds, description, only);
  }

  /** Adds the filters to a request body. */
  void writeTo(ObjectNode body) {
    ids(body, "user_ids", userIds);
    ids(body, "project_ids", projectIds);
    ids(body, "client_ids", clientIds);
    ids(body, "tag_ids", tagIds);
    if (description != null) {
      body.put("description", description);
    }
    if (billable != null) {
      body.put("billable", billable);
    }
  }

  private static void ids(ObjectNode body, String name, List<Long> ids) {
    if (!ids.isEmpty()) {
      ArrayNode array = body.putArray(name);
      ids.forEach(array::add);
    }
  }
}
