package dev.toggltrackmcp.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.toggltrackmcp.config.Secret;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The cache file on disk: where an account's file lives (named by a hash, so the name reveals
 * neither the token nor the Toggl root, and the token is never written anywhere), created private
 * to its owner, migrated to the current schema, and moved aside when SQLite finds it damaged.
 */
public final class CacheFile {
  private static final Logger LOG = LoggerFactory.getLogger(CacheFile.class);
  static final int SCHEMA_VERSION = 2;

  private CacheFile() {}

  public static Path fileFor(Path cacheDir, Secret token, URI apiRoot) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(apiRoot.toString().getBytes(StandardCharsets.UTF_8));
      sha.update((byte) '\n');
      sha.update(token.reveal().getBytes(StandardCharsets.UTF_8));
      String name = HexFormat.of().formatHex(sha.digest()).substring(0, 32);
      return cacheDir.resolve("account-" + name + ".sqlite");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** Moves a damaged file aside (when there is one) and opens a new, empty one in its place. */
  static Connection rebuilt(Path file) throws SQLException, IOException {
    if (Files.exists(file)) {
      Path aside =
          file.resolveSibling(file.getFileName() + ".corrupt-" + System.currentTimeMillis());
      Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
      for (String suffix : List.of("-wal", "-shm")) {
        Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
      }
      LOG.warn("The cache file {} is damaged; moved it to {} and started a new one.", file, aside);
    }
    return connect(file);
  }

  static Connection connect(Path file) throws SQLException, IOException {
    createPrivateDirectories(file.getParent());
    SqliteLibrary.useFrom(file.getParent());
    if (!Files.exists(file)) {
      Files.createFile(file);
    }
    restrictToOwner(file, "rw-------");
    Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
    try {
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA busy_timeout = 5000");
        s.execute("PRAGMA journal_mode = WAL");
        s.execute("PRAGMA synchronous = NORMAL");
      }
      migrate(c);
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT count(*) FROM meta")) {
        rs.next(); // proves the file is readable now rather than on the first question
      }
      return c;
    } catch (SQLException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  /** The cache directories hold account data: only their owner may list or enter them. */
  private static void createPrivateDirectories(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    Path parent = dir.getParent();
    if (parent != null) {
      createPrivateDirectories(parent);
    }
    Files.createDirectory(dir);
    restrictToOwner(dir, "rwx------");
  }

  private static void restrictToOwner(Path path, String permissions) throws IOException {
    try {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
    } catch (UnsupportedOperationException notPosix) {
      // Windows: the user's profile directory is already private.
    }
  }

  private static void migrate(Connection c) throws SQLException {
    int version = pragmaInt(c, "user_version");
    if (version > SCHEMA_VERSION) {
      throw new SQLException("cache written by a newer version (schema " + version + ")");
    }
    if (version == SCHEMA_VERSION) {
      return;
    }
    try (Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      s.execute(
          "CREATE TABLE IF NOT EXISTS entries (id INTEGER PRIMARY KEY, workspace_id INTEGER NOT"
              + " NULL, project_id INTEGER, task_id INTEGER, billable INTEGER NOT NULL, start"
              + " INTEGER NOT NULL, stop INTEGER, duration INTEGER NOT NULL, description TEXT"
              + " NOT NULL, tags TEXT NOT NULL, tag_ids TEXT NOT NULL, user_id INTEGER, at"
              + " INTEGER)");
      s.execute("CREATE INDEX IF NOT EXISTS entries_start ON entries(start)");
      s.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
      s.execute("CREATE TABLE IF NOT EXISTS documents (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
      s.execute("PRAGMA user_version = " + SCHEMA_VERSION);
      c.commit();
    } finally {
      c.setAutoCommit(true);
    }
  }

  /** SQLite's own verdict on the file, or a row that no longer parses. */
  static boolean damaged(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLiteException s) {
        SQLiteErrorCode code = s.getResultCode();
        if (code == SQLiteErrorCode.SQLITE_CORRUPT
            || code == SQLiteErrorCode.SQLITE_NOTADB
            || code.code % 256 == SQLiteErrorCode.SQLITE_CORRUPT.code
            || code.code % 256 == SQLiteErrorCode.SQLITE_NOTADB.code) {
          return true;
        }
      }
      if (t instanceof JsonProcessingException) {
        return true;
      }
    }
    return false;
  }

  static String reason(Exception e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  static int pragmaInt(Connection c, String name) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA " + name)) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }
}
