package dev.toggltrackmcp.mcp;

import dev.toggltrackmcp.store.CacheStatus;
import dev.toggltrackmcp.toggl.Purpose;
import dev.toggltrackmcp.toggl.QuotaBucket;
import dev.toggltrackmcp.toggl.QuotaStatus;
import dev.toggltrackmcp.toggl.QuotaWatch;
import dev.toggltrackmcp.toggl.RequestLedger;
import dev.toggltrackmcp.toggl.TogglClient;
import dev.toggltrackmcp.toggl.TogglException;
import dev.toggltrackmcp.toggl.model.Account;
import dev.toggltrackmcp.toggl.model.Workspace;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code get_api_quota}: what is left of each of Toggl's hourly quota buckets (the user's and each
 * organization's) and when it resets, what this server spent in the last hour and on what, and what
 * the cache holds. Free when Toggl's response headers already told us about every bucket; otherwise
 * one {@code GET /me/quota}.
 */
final class QuotaTool {
  private final ToolContext ctx;

  QuotaTool(ToolContext ctx) {
    this.ctx = ctx;
  }

  ToolDefinition definition() {
    return new ToolDefinition(
        "get_api_quota",
        "API quota",
        "Toggl's hourly API quota: what is left in each bucket (the user's and each"
            + " organization's) and when it resets, what this server spent in the last hour and on"
            + " what (sync, backfill, write, status, team), and what the cache holds (entries,"
            + " history covered from, last sync). The user bucket counts /me requests, an"
            + " organization's its workspace and Reports requests. Costs no Toggl request when"
            + " recent responses already told every bucket's state, otherwise one (GET /me/quota);"
            + " the answer says which. Examples: {}, {\"refresh\": true} to ask Toggl even so.",
        Schema.object()
            .prop(
                "refresh",
                Schema.bool(
                    "true: ask Toggl (one request) even when response headers already told the"
                        + " state. Default false.")),
        outputSchema(),
        true,
        args -> {
          boolean refresh = Boolean.TRUE.equals(args.bool("refresh"));
          return answer(refresh);
        });
  }

  private ToolAnswer answer(boolean refresh) {
    Optional<Account> account = ctx.data.heldAccount();
    QuotaWatch watch = ctx.client.http().quota();
    RequestLedger ledger = ctx.client.http().ledger();
    Instant now = ctx.now();
    // which organizations there are: the account says, else the last GET /me/quota did
    Set<Long> organizations = new LinkedHashSet<>();
    account.ifPresent(
        a ->
            a.workspaces().stream()
                .map(Workspace::organizationId)
                .filter(o -> o != null)
                .forEach(organizations::add));
    if (account.isEmpty()) {
      watch.known().stream()
          .map(QuotaStatus::organizationId)
          .filter(o -> o != null)
          .forEach(organizations::add);
    }
    boolean known =
        (account.isPresent() || watch.everReported())
            && current(watch.lastKnown(QuotaBucket.USER), now)
            && organizations.stream().allMatch(o -> current(watch.organization(o), now));
    int asked = 0;
    String note = null;
    if (refresh || !known) {
      long before = ledger.total();
      try {
        new TogglClient(ctx.client.http().forPurpose(Purpose.STATUS)).quota();
      } catch (TogglException e) {
        note =
            "Toggl could not be asked for the quota ("
                + e.getMessage()
                + "); shown is the last known.";
      }
      asked = (int) (ledger.total() - before);
    }
    List<Map<String, Object>> buckets = new ArrayList<>();
    for (QuotaStatus s : watch.known()) {
      buckets.add(bucket(s, account, now));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("buckets", buckets);
    out.put("toggl_requests_for_this_answer", asked);
    out.put(
        "source",
        asked == 0
            ? "response headers of this server's recent requests (no request made)"
            : "GET /me/quota (one request)");
    out.put("spent_last_hour", spent(ledger));
    out.put("cache", cache(ctx.data.status()));
    if (note != null) {
      out.put("note", note);
    }
    return new ToolAnswer(text(buckets, asked, out, note), out);
  }

  private static boolean current(Optional<QuotaStatus> s, Instant now) {
    return s.isPresent() && s.get().currentAt(now);
  }

  private static Map<String, Object> bucket(QuotaStatus s, Optional<Account> account, Instant now) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("bucket", s.bucket() == QuotaBucket.USER ? "user" : "organization");
    m.put("organization_id", s.organizationId());
    List<String> workspaces = new ArrayList<>();
    if (s.bucket() == QuotaBucket.ORGANIZATION && s.organizationId() != null) {
      account.ifPresent(
          a ->
              a.workspaces().stream()
                  .filter(w -> s.organizationId().equals(w.organizationId()))
                  .forEach(w -> workspaces.add(w.name())));
    }
    m.put("workspaces", workspaces);
    boolean current = s.currentAt(now);
    m.put("remaining", s.remaining());
    m.put("total", s.total());
    m.put("resets_at", s.resetsAt().atOffset(ZoneOffset.UTC).toString());
    m.put("resets_in_seconds", Math.max(0, Duration.between(now, s.resetsAt()).toSeconds()));
    m.put("current", current);
    m.put("as_of", s.seenAt().atOffset(ZoneOffset.UTC).toString());
    m.put("source", s.source().label());
    return m;
  }

  private static Map<String, Object> spent(RequestLedger ledger) {
    Map<Purpose, Integer> byPurpose = ledger.lastHourByPurpose();
    Map<String, Object> purposes = new LinkedHashMap<>();
    int total = 0;
    for (Purpose p : Purpose.values()) {
      int n = byPurpose.getOrDefault(p, 0);
      purposes.put(p.label(), n);
      total += n;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("total", total);
    m.put("by_purpose", purposes);
    m.put("user_bucket", ledger.lastHour(QuotaBucket.USER));
    m.put("organization_buckets", ledger.lastHour(QuotaBucket.ORGANIZATION));
    return m;
  }

  private static Map<String, Object> cache(CacheStatus s) {
    Map<String, Object> m = new LinkedHashMap<>();
    String where = s.location();
    m.put("kept", where.equals("memory") || where.equals("not opened yet") ? where : "on disk");
    m.put("entries_held", s.entriesHeld());
    m.put("history_from", s.oldestCovered() == null ? null : s.oldestCovered().toString());
    m.put("last_sync", s.lastSync() == null ? null : s.lastSync().toString());
    return m;
  }

  @SuppressWarnings("unchecked")
  private static String text(
      List<Map<String, Object>> buckets, int asked, Map<String, Object> out, String note) {
    StringBuilder t =
        new StringBuilder("Toggl API quota (")
            .append(
                asked == 0
                    ? "from the response headers of recent requests; this answer cost no request"
                    : "from GET /me/quota; this answer cost "
                        + Words.count(asked, "request", "requests"))
            .append("):");
    if (buckets.isEmpty()) {
      t.append("\n  nothing known yet");
    }
    for (Map<String, Object> b : buckets) {
      String name =
          b.get("bucket").equals("user")
              ? "user (/me requests)"
              : b.get("organization_id") == null
                  ? "organization (not known yet)"
                  : "organization "
                      + b.get("organization_id")
                      + (((List<String>) b.get("workspaces")).isEmpty()
                          ? ""
                          : " (" + String.join(", ", (List<String>) b.get("workspaces")) + ")");
      t.append("\n  ")
          .append(name)
          .append(": ")
          .append(b.get("remaining"))
          .append(b.get("total") == null ? "" : " of " + b.get("total"))
          .append(" left, ")
          .append(
              Boolean.TRUE.equals(b.get("current"))
                  ? "resets in " + b.get("resets_in_seconds") + " s"
                  : "has reset since (as of " + b.get("as_of") + ")");
    }
    Map<String, Object> spent = (Map<String, Object>) out.get("spent_last_hour");
    List<String> parts = new ArrayList<>();
    ((Map<String, Object>) spent.get("by_purpose"))
        .forEach(
            (p, n) -> {
              if (((Integer) n) > 0) {
                parts.add(n + " " + p);
              }
            });
    t.append("\nThis server sent ")
        .append(Words.count((Integer) spent.get("total"), "request", "requests"))
        .append(" in the last hour")
        .append(parts.isEmpty() ? "" : ": " + String.join(", ", parts))
        .append(".");
    Map<String, Object> cache = (Map<String, Object>) out.get("cache");
    t.append("\nCache (")
        .append(cache.get("kept"))
        .append("): ")
        .append(Words.count(((Number) cache.get("entries_held")).longValue(), "entry", "entries"))
        .append(
            cache.get("history_from") == null ? "" : ", complete from " + cache.get("history_from"))
        .append(
            cache.get("last_sync") == null
                ? ", never synced yet"
                : ", last sync " + cache.get("last_sync"))
        .append(".");
    if (note != null) {
      t.append("\nNote: ").append(note);
    }
    return t.toString();
  }

  private static Map<String, Object> outputSchema() {
    Map<String, Object> bucket =
        Schema.object()
            .prop("bucket", Schema.oneOf("Which kind of bucket.", List.of("user", "organization")))
            .prop(
                "organization_id",
                Schema.nullableInteger(
                    "The organization; null for the user bucket (or an organization not known"
                        + " yet)."))
            .prop(
                "workspaces",
                Schema.array(
                    "Names of the user's workspaces in this organization.",
                    Schema.string("Workspace name.")))
            .prop(
                "remaining",
                Schema.integer("Requests left in this window (negative when not enforced)."))
            .prop(
                "total",
                Schema.nullableInteger(
                    "Requests per hour, when GET /me/quota said so (headers do not)."))
            .prop("resets_at", Schema.string("When the window ends, ISO-8601 UTC."))
            .prop("resets_in_seconds", Schema.integer("Seconds until then (0 when past)."))
            .prop("current", Schema.bool("False when the window has ended since Toggl said this."))
            .prop("as_of", Schema.string("When Toggl said it, ISO-8601 UTC."))
            .prop(
                "source",
                Schema.string(
                    "What told us: \"response headers\", \"GET /me/quota\" or \"a 402 answer\"."))
            .build(false);
    Map<String, Object> purposes =
        Schema.object()
            .prop("write", Schema.integer("Creating, changing or deleting entries."))
            .prop("sync", Schema.integer("Keeping the cache fresh."))
            .prop("status", Schema.integer("Connection checks and quota questions."))
            .prop("team", Schema.integer("Team reports."))
            .prop("backfill", Schema.integer("History older than 90 days (Reports API)."))
            .build(false);
    return Schema.object()
        .prop(
            "buckets", Schema.array("Every bucket Toggl has told about, the user's first.", bucket))
        .prop(
            "toggl_requests_for_this_answer",
            Schema.integer("0 when headers already told every bucket, else 1."))
        .prop("source", Schema.string("Where this answer's numbers came from."))
        .prop(
            "spent_last_hour",
            Schema.object()
                .prop("total", Schema.integer("Requests this server sent in the last hour."))
                .prop("by_purpose", purposes)
                .prop("user_bucket", Schema.integer("Of them, /me requests."))
                .prop("organization_buckets", Schema.integer("Of them, workspace and Reports."))
                .build(false))
        .prop(
            "cache",
            Schema.object()
                .prop("kept", Schema.string("\"on disk\", \"memory\" or \"not opened yet\"."))
                .prop("entries_held", Schema.integer("Time entries held."))
                .prop(
                    "history_from",
                    Schema.nullableString("Entries are complete from this instant (UTC)."))
                .prop(
                    "last_sync",
                    Schema.nullableString("When entries were last confirmed with Toggl (UTC)."))
                .build(false))
        .prop("note", Schema.string("Present when Toggl could not be asked, and why."))
        .build(false);
  }
}
