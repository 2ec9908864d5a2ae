package dev.toggltrackmcp.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * SQLite's native library, unpacked once into the cache directory. Left to itself, sqlite-jdbc
 * copies it out of the jar into the temporary directory and checksums both copies in every process,
 * about 50 ms before the first answer that opens the cache. The copy here is named by sqlite-jdbc's
 * version and the platform, and written under a temporary name and renamed, so it is whole or
 * absent. If it does not load (a directory mounted noexec, a copy damaged since), sqlite-jdbc
 * unpacks its own copy as it always did; a library path the user set is left alone.
 */
final class SqliteLibrary {
  static final String PATH_PROPERTY = "org.sqlite.lib.path";
  static final String NAME_PROPERTY = "org.sqlite.lib.name";

  private SqliteLibrary() {}

  /** Makes sqlite-jdbc load its library from {@code directory}, unpacking it there if needed. */
  static synchronized void useFrom(Path directory) {
    if (System.getProperty(PATH_PROPERTY) != null) {
      return; // chosen already: by the user, or by an earlier call
    }
    try {
      // named without asking sqlite-jdbc which platform this is: that check is most of the cost
      String file =
          "sqlite-"
              + SQLiteJDBCLoader.getVersion()
              + "-"
              + System.getProperty("os.name").replaceAll("[^A-Za-z0-9]", "")
              + "-"
              + System.getProperty("os.arch")
              + "-"
              + System.mapLibraryName("sqlitejdbc");
      Path unpacked = directory.resolve(file);
      if (!Files.isRegularFile(unpacked) && !unpack(unpacked)) {
        return;
      }
      System.setProperty(PATH_PROPERTY, directory.toString());
      System.setProperty(NAME_PROPERTY, file);
    } catch (IOException | RuntimeException e) {
      // sqlite-jdbc unpacks its own copy into the temporary directory, as without this
    }
  }

  /** Copies the jar's library for this platform to {@code target}; false when there is none. */
  private static boolean unpack(Path target) throws IOException {
    String folder = LibraryLoaderUtil.getNativeLibResourcePath();
    InputStream packed =
        SQLiteJDBCLoader.class.getResourceAsStream(
            folder + "/" + LibraryLoaderUtil.getNativeLibName());
    if (packed == null) {
      return false; // sqlite-jdbc says itself that this platform has no library
    }
    Path partial = Files.createTempFile(target.getParent(), target.getFileName().toString(), "");
    try (InputStream in = packed) {
      Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
      Files.move(
          partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return true;
    } finally {
      Files.deleteIfExists(partial);
    }
  }
}
