package dev.toggltrackmcp.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toggltrackmcp.toggl.TogglJson;
import dev.toggltrackmcp.toggl.model.TimeEntry;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQLite database behind the cache: time entries in a table, the account and the cursors as
 * key/value rows, cached documents in a third table. Every save is one transaction, so a process
 * killed mid-sync leaves the previous, consistent state. A file found damaged — when opened or at
 * any later read or write — is moved aside and rebuilt; a disk that refuses writes is reported once
 * and the answers keep coming from memory.
 */
final class CacheDatabase implements CacheStore {
  private static final Logger LOG = LoggerFactory.getLogger(CacheDatabase.class);

  private final Path file;
  private final ObjectMapper json = TogglJson.mapper();
  private final JavaType stringList;
  private final JavaType longList;
  private Connection connection;
  private long seenVersion;
  private boolean writeFailed;

  private CacheDatabase(Path file, Connection connection) {
    this.file = file;
    this.connection = connection;
    this.stringList = json.getTypeFactory().constructCollectionType(List.class, String.class);
    this.longList = json.getTypeFactory().constructCollectionType(List.class, Long.class);
  }

  /** Opens (or creates) the cache file; {@code null} or a disk that cannot be used: memory. */
  static CacheStore open(@Nullable Path file) {
    if (file == null) {
      return new MemoryOnly();
    }
    try {
      return new CacheDatabase(file, CacheFile.connect(file));
    } catch (SQLException | IOException | RuntimeException unreadable) {
      try {
        return new CacheDatabase(file, CacheFile.rebuilt(file));
      } catch (SQLException | IOException | RuntimeException stillBroken) {
        LOG.warn(
            "The cache directory {} cannot be written; keeping the cache in memory only.",
            file.getParent());
        return new MemoryOnly();
      }
    }
  }

  /** Caps the file at {@code pages} pages: how tests make the disk "full". */
  synchronized void limitPages(int pages) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("PRAGMA max_page_count = " + pages);
    }
  }

  @Override
  public String location() {
    return file.toString();
  }

  @Override
  public synchronized Snapshot load() {
    try {
      return read();
    } catch (SQLException | IOException | RuntimeException e) {
      if (!(e instanceof RuntimeException) && !CacheFile.damaged(e)) {
        LOG.warn(
            "The cache file could not be read ({}); starting from Toggl.", CacheFile.reason(e));
        return Snapshot.EMPTY;
      }
      rebuild();
      return Snapshot.EMPTY;
    }
  }

  private Snapshot read() throws SQLException, IOException {
    seenVersion = CacheFile.pragmaInt(connection, "data_version");
    Map<String, String> meta = new HashMap<>();
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT key, value FROM meta")) {
      while (rs.next()) {
        meta.put(rs.getString(1), rs.getString(2));
      }
    }
    String account = meta.get("account");
    if (account == null) {
      return Snapshot.EMPTY;
    }
    return new Snapshot(
        json.readValue(account, AccountSnapshot.class).toAccount(),
        instant(meta.get("reference_as_of"), Instant.EPOCH),
        EntrySet.of(entries()),
        instant(meta.get("entries_as_of"), Instant.EPOCH),
        instant(meta.get("since_cursor"), Instant.EPOCH),
        instant(meta.get("covered_from"), Instant.MAX),
        null);
  }

  private List<TimeEntry> entries() throws SQLException, IOException {
    List<TimeEntry> entries = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT id, workspace_id, project_id, task_id, billable, start, stop, duration,"
                    + " description, tags, tag_ids, user_id, at FROM entries")) {
      while (rs.next()) {
        entries.add(
            new TimeEntry(
                rs.getLong(1),
                rs.getLong(2),
                nullableLong(rs, 3),
                nullableLong(rs, 4),
                rs.getInt(5) != 0,
                Instant.ofEpochSecond(rs.getLong(6)),
                epochSecond(nullableLong(rs, 7)),
                rs.getLong(8),
                rs.getString(9),
                json.readValue(rs.getString(10), stringList),
                json.readValue(rs.getString(11), longList),
                nullableLong(rs, 12),
                epochMilli(nullableLong(rs, 13)),
                null));
      }
    }
    return entries;
  }

  @Override
  public synchronized void save(Snapshot after, Change change) {
    try {
      write(change.upserts(), change.deletions(), metaOf(after, change.account() != null));
    } catch (SQLException | IOException e) {
      if (CacheFile.damaged(e) && rebuild()) {
        saveWhole(after);
      } else {
        refused(e);
      }
    }
  }

  private void saveWhole(Snapshot after) {
    try {
      write(after.entries().all(), List.of(), metaOf(after, after.account() != null));
    } catch (SQLException | IOException e) {
      refused(e);
    }
  }

  private void refused(Exception e) {
    if (!writeFailed) {
      LOG.warn(
          "The cache file could not be written ({}); answers keep coming from memory.",
          CacheFile.reason(e));
    }
    writeFailed = true;
  }

  private Map<String, String> metaOf(Snapshot s, boolean withAccount)
      throws JsonProcessingException {
    Map<String, String> meta = new HashMap<>();
    if (withAccount && s.account() != null) {
      meta.put("account", json.writeValueAsString(AccountSnapshot.of(s.account())));
      meta.put("reference_as_of", s.referenceAsOf().toString());
    }
    meta.put("entries_as_of", s.entriesAsOf().toString());
    meta.put("since_cursor", s.sinceCursor().toString());
    meta.put("covered_from", s.coveredFrom().toString());
    return meta;
  }

  private void write(
      Collection<TimeEntry> upserts, Collection<Long> deletions, Map<String, String> meta)
      throws SQLException, IOException {
    try {
      connection.setAutoCommit(false);
      try (PreparedStatement up =
              connection.prepareStatement(
                  "INSERT OR REPLACE INTO entries VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
          PreparedStatement del = connection.prepareStatement("DELETE FROM entries WHERE id = ?");
          PreparedStatement put =
              connection.prepareStatement("INSERT OR REPLACE INTO meta VALUES (?, ?)")) {
        for (TimeEntry e : upserts) {
          bind(up, e);
          up.addBatch();
        }
        up.executeBatch();
        for (long id : deletions) {
          del.setLong(1, id);
          del.addBatch();
        }
        del.executeBatch();
        for (Map.Entry<String, String> m : meta.entrySet()) {
          put.setString(1, m.getKey());
          put.setString(2, m.getValue());
          put.addBatch();
        }
        put.executeBatch();
      }
      connection.commit();
    } catch (SQLException | IOException e) {
      rollbackQuietly();
      throw e;
    } finally {
      autoCommitQuietly();
    }
  }

  @Override
  public synchronized boolean changedElsewhere() {
    try {
      return CacheFile.pragmaInt(connection, "data_version") != seenVersion;
    } catch (SQLException e) {
      return false;
    }
  }

  @Override
  public synchronized Optional<String> document(String key) {
    try (PreparedStatement q =
        connection.prepareStatement("SELECT value FROM documents WHERE key = ?")) {
      q.setString(1, key);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      if (CacheFile.damaged(e)) {
        rebuild();
      }
      return Optional.empty();
    }
  }

  @Override
  public synchronized void saveDocument(String key, String value) {
    try (PreparedStatement put =
        connection.prepareStatement("INSERT OR REPLACE INTO documents VALUES (?, ?)")) {
      put.setString(1, key);
      put.setString(2, value);
      put.executeUpdate();
    } catch (SQLException e) {
      if (CacheFile.damaged(e)) {
        rebuild();
      } else {
        refused(e);
      }
    }
  }

  /** Swaps the damaged file for a new one; false when even that fails (then memory it is). */
  private boolean rebuild() {
    closeQuietly();
    try {
      connection = CacheFile.rebuilt(file);
      seenVersion = CacheFile.pragmaInt(connection, "data_version");
      return true;
    } catch (SQLException | IOException e) {
      refused(e);
      return false;
    }
  }

  private void bind(PreparedStatement up, TimeEntry e) throws SQLException, IOException {
    up.setLong(1, e.id());
    up.setLong(2, e.workspaceId());
    setNullable(up, 3, e.projectId());
    setNullable(up, 4, e.taskId());
    up.setInt(5, e.billable() ? 1 : 0);
    up.setLong(6, e.start().getEpochSecond());
    setNullable(up, 7, e.stop() == null ? null : e.stop().getEpochSecond());
    up.setLong(8, e.duration());
    up.setString(9, e.description());
    up.setString(10, json.writeValueAsString(e.tags()));
    up.setString(11, json.writeValueAsString(e.tagIds()));
    setNullable(up, 12, e.userId());
    setNullable(up, 13, e.at() == null ? null : e.at().toEpochMilli());
  }

  private static void setNullable(PreparedStatement ps, int i, @Nullable Long value)
      throws SQLException {
    if (value == null) {
      ps.setNull(i, Types.INTEGER);
    } else {
      ps.setLong(i, value);
    }
  }

  private static @Nullable Long nullableLong(ResultSet rs, int i) throws SQLException {
    long v = rs.getLong(i);
    return rs.wasNull() ? null : v;
  }

  private static @Nullable Instant epochSecond(@Nullable Long seconds) {
    return seconds == null ? null : Instant.ofEpochSecond(seconds);
  }

  private static @Nullable Instant epochMilli(@Nullable Long millis) {
    return millis == null ? null : Instant.ofEpochMilli(millis);
  }

  private static Instant instant(@Nullable String text, Instant fallback) {
    return text == null ? fallback : Instant.parse(text);
  }

  private void rollbackQuietly() {
    try {
      connection.rollback();
    } catch (SQLException ignored) {
      // the connection is broken; the transaction is gone with it
    }
  }

  private void autoCommitQuietly() {
    try {
      connection.setAutoCommit(true);
    } catch (SQLException ignored) {
      // nothing more to do on a broken connection
    }
  }

  private void closeQuietly() {
    try {
      connection.close();
    } catch (SQLException e) {
      LOG.debug("closing the cache: {}", e.getMessage());
    }
  }

  @Override
  public synchronized void close() {
    closeQuietly();
  }
}
