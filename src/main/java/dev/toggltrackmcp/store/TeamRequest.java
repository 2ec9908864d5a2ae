package dev.toggltrackmcp.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toggltrackmcp.toggl.ReportQuery;
import dev.toggltrackmcp.toggl.TogglJson;
import dev.toggltrackmcp.toggl.model.Account;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * One team question as the cache knows it: a workspace, local days {@code first..last} in the
 * user's zone, what narrows it, whether the range is closed (it ended before today, so its answer
 * can be kept) and the version of the workspace's reference data it was asked against (a closed
 * range's answer is kept until that changes).
 */
public record TeamRequest(
    long workspaceId,
    ReportQuery query,
    LocalDate first,
    LocalDate last,
    boolean closed,
    String referenceVersion) {

  private static final ObjectMapper JSON = TogglJson.mapper();

  public static TeamRequest of(
      Account account,
      long workspaceId,
      ReportQuery query,
      LocalDate first,
      LocalDate last,
      Instant now) {
    LocalDate today = LocalDate.ofInstant(now, account.user().zone());
    return new TeamRequest(
        workspaceId,
        query,
        first,
        last,
        last.isBefore(today),
        referenceVersion(account, workspaceId));
  }

  /** The cache key: what was asked, never when or against which version. */
  String key(String kind) {
    return "team-" + kind + ":" + workspaceId + ":" + first + ".." + last + ":" + hash(json(query));
  }

  /**
   * A digest of the workspace and its projects, clients, tags and tasks: renaming a project,
   * changing a rate or adding a tag gives a new version.
   */
  static String referenceVersion(Account account, long workspaceId) {
    List<Object> parts =
        List.of(
            account.workspace(workspaceId).map(Object.class::cast).orElse("none"),
            account.projects().stream()
                .filter(p -> p.workspaceId() == workspaceId)
                .map( // not actual_seconds, which moves whenever anyone tracks time
                    p ->
                        Arrays.asList(
                            p.id(),
                            p.name(),
                            p.clientId(),
                            p.billable(),
                            p.rate(),
                            p.currency(),
                            p.active()))
                .toList(),
            account.clients().stream().filter(c -> c.workspaceId() == workspaceId).toList(),
            account.tags().stream().filter(t -> t.workspaceId() == workspaceId).toList(),
            account.tasks().stream().filter(t -> t.workspaceId() == workspaceId).toList());
    return hash(json(parts));
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }

  private static String hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
