package dev.toggltrackmcp.store;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toggltrackmcp.toggl.TogglJson;
import dev.toggltrackmcp.toggl.model.TimeEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
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
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQLite file behind the cache: time entries in a table, everything else (reference data, sync
 * cursors) as key/value rows. Every change is one transaction, so a process killed mid-sync leaves
 * the previous, consistent state. A file that cannot be read is moved aside and rebuilt.
 */
final class CacheDatabase implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CacheDatabase.class);
  static final int SCHEMA_VERSION = 1;

  private final Connection connection;
  private final String location;
  private final ObjectMapper json = TogglJson.mapper();
  private final JavaType stringList;
  private final JavaType longList;

  private CacheDatabase(Connection connection, String location) {
    this.connection = connection;
    this.location = location;
    this.stringList = json.getTypeFactory().constructCollectionType(List.class, String.class);
    this.longList = json.getTypeFactory().constructCollectionType(List.class, Long.class);
  }

  /** Opens (or creates) the cache file; falls back to memory when the disk cannot be used. */
  static CacheDatabase open(@Nullable Path file) {
    if (file == null) {
      return inMemory();
    }
    try {
      return openFile(file);
    } catch (SQLException | IOException | RuntimeException unreadable) {
      Path aside =
          file.resolveSibling(file.getFileName() + ".corrupt-" + System.currentTimeMillis());
      LOG.warn(
          "The cache file {} could not be used; moving it to {} and starting fresh.", file, aside);
      try {
        if (Files.exists(file)) {
          Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
          for (String suffix : List.of("-wal", "-shm")) {
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
          }
        }
        return openFile(file);
      } catch (SQLException | IOException | RuntimeException stillBroken) {
        LOG.warn("The cache directory cannot be written; keeping the cache in memory only.");
        return inMemory();
      }
    }
  }

  private static CacheDatabase inMemory() {
    try {
      Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
      CacheDatabase db = new CacheDatabase(c, "memory");
      db.migrate();
      return db;
    } catch (SQLException e) {
      throw new IllegalStateException("SQLite is not usable on this machine", e);
    }
  }

  private static CacheDatabase openFile(Path file) throws SQLException, IOException {
    Files.createDirectories(file.getParent());
    if (!Files.exists(file)) {
      Files.createFile(file);
    }
    restrictToOwner(file);
    Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
    try {
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA busy_timeout = 5000");
        s.execute("PRAGMA journal_mode = WAL");
        s.execute("PRAGMA synchronous = NORMAL");
      }
      CacheDatabase db = new CacheDatabase(c, file.toString());
      db.migrate();
      db.meta(); // proves the file is readable now rather than on the first question
      return db;
    } catch (SQLException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  private static void restrictToOwner(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // Windows: the user's profile directory is already private.
    }
  }

  private void migrate() throws SQLException {
    int version = pragmaInt("user_version");
    if (version > SCHEMA_VERSION) {
      throw new SQLException("cache written by a newer version (schema " + version + ")");
    }
    if (version < 1) {
      try (Statement s = connection.createStatement()) {
        connection.setAutoCommit(false);
        s.execute(
            "CREATE TABLE IF NOT EXISTS entries (id INTEGER PRIMARY KEY, workspace_id INTEGER NOT"
                + " NULL, project_id INTEGER, task_id INTEGER, billable INTEGER NOT NULL, start"
                + " INTEGER NOT NULL, stop INTEGER, duration INTEGER NOT NULL, description TEXT"
                + " NOT NULL, tags TEXT NOT NULL, tag_ids TEXT NOT NULL, user_id INTEGER, at"
                + " INTEGER)");
        s.execute("CREATE INDEX IF NOT EXISTS entries_start ON entries(start)");
        s.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
        s.execute("PRAGMA user_version = " + SCHEMA_VERSION);
        connection.commit();
      } finally {
        connection.setAutoCommit(true);
      }
    }
  }

  /** Caps the file at {@code pages} pages: how tests make the disk "full". */
  synchronized void limitPages(int pages) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("PRAGMA max_page_count = " + pages);
    }
  }

  String location() {
    return location;
  }

  /** Changes made by any process since the connection opened; differs after another's commit. */
  synchronized long dataVersion() {
    try {
      return pragmaInt("data_version");
    } catch (SQLException e) {
      return -1;
    }
  }

  synchronized Map<String, String> meta() {
    Map<String, String> values = new HashMap<>();
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT key, value FROM meta")) {
      while (rs.next()) {
        values.put(rs.getString(1), rs.getString(2));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("the cache could not be read", e);
    }
    return values;
  }

  synchronized List<TimeEntry> entries() {
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
                instant(nullableLong(rs, 7)),
                rs.getLong(8),
                rs.getString(9),
                json.readValue(rs.getString(10), stringList),
                json.readValue(rs.getString(11), longList),
                nullableLong(rs, 12),
                instantMillis(nullableLong(rs, 13)),
                null));
      }
    } catch (SQLException | IOException e) {
      throw new IllegalStateException("the cache could not be read", e);
    }
    return entries;
  }

  /** Applies one sync in a single transaction: upserts, deletions and the new cursors. */
  synchronized void apply(
      Collection<TimeEntry> upserts, Collection<Long> deletions, Map<String, String> meta) {
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
      try {
        connection.rollback();
      } catch (SQLException ignored) {
        // the connection is broken; the transaction is gone with it
      }
      throw new IllegalStateException("the cache could not be written", e);
    } finally {
      try {
        connection.setAutoCommit(true);
      } catch (SQLException ignored) {
        // nothing more to do on a broken connection
      }
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

  private static @Nullable Instant instant(@Nullable Long epochSecond) {
    return epochSecond == null ? null : Instant.ofEpochSecond(epochSecond);
  }

  private static @Nullable Instant instantMillis(@Nullable Long epochMilli) {
    return epochMilli == null ? null : Instant.ofEpochMilli(epochMilli);
  }

  private int pragmaInt(String name) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA " + name)) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  @Override
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      LOG.debug("closing the cache: {}", e.getMessage());
    }
  }
}
