package dev.toggltrackmcp.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/** SQLite's native library is unpacked into the cache directory once, and used from there. */
class SqliteLibraryTest {
  @TempDir Path dir;

  @BeforeEach
  @AfterEach
  void noLibraryChosen() {
    System.clearProperty(SqliteLibrary.PATH_PROPERTY);
    System.clearProperty(SqliteLibrary.NAME_PROPERTY);
  }

  private static byte[] packed() throws Exception {
    String path =
        LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName();
    try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(path)) {
      return in.readAllBytes();
    }
  }

  private List<Path> files() throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.toList();
    }
  }

  @Test
  void theLibraryIsUnpackedOnceAndSqliteJdbcIsPointedAtIt() throws Exception {
    SqliteLibrary.useFrom(dir);

    assertThat(files()).hasSize(1);
    Path unpacked = files().get(0);
    assertThat(unpacked.getFileName().toString())
        .startsWith("sqlite-" + SQLiteJDBCLoader.getVersion() + "-")
        .endsWith(System.mapLibraryName("sqlitejdbc"));
    assertThat(Files.readAllBytes(unpacked)).isEqualTo(packed());
    assertThat(System.getProperty(SqliteLibrary.PATH_PROPERTY)).isEqualTo(dir.toString());
    assertThat(System.getProperty(SqliteLibrary.NAME_PROPERTY))
        .isEqualTo(unpacked.getFileName().toString());

    FileTime written = FileTime.fromMillis(1_000_000L);
    Files.setLastModifiedTime(unpacked, written);
    noLibraryChosen(); // as in the next process
    SqliteLibrary.useFrom(dir);
    assertThat(Files.getLastModifiedTime(unpacked)).as("not written again").isEqualTo(written);
    assertThat(files()).hasSize(1);
  }

  @Test
  void aLibraryPathTheUserChoseIsLeftAlone() throws Exception {
    System.setProperty(SqliteLibrary.PATH_PROPERTY, "/opt/sqlite");

    SqliteLibrary.useFrom(dir);

    assertThat(files()).isEmpty();
    assertThat(System.getProperty(SqliteLibrary.PATH_PROPERTY)).isEqualTo("/opt/sqlite");
  }
}
