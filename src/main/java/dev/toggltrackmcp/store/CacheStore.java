package dev.toggltrackmcp.store;

import java.util.Optional;

/**
 * Where the cache outlives the process. {@link CacheDatabase} (SQLite) is the default; {@link
 * MemoryOnly} keeps nothing. The sync knows only this interface. No method throws: a store that
 * cannot write says so once in the log and the answers keep coming from memory.
 */
interface CacheStore extends AutoCloseable {

  /** The file, or "memory". */
  String location();

  /** What the store holds, or {@link Snapshot#EMPTY} when nothing usable is there. */
  Snapshot load();

  /**
   * Saves {@code change}, which turned the previous snapshot into {@code after}, as one unit. A
   * store that finds itself damaged rebuilds and writes {@code after} whole.
   */
  void save(Snapshot after, Change change);

  /** True when another process saved to the same store since this one last loaded or saved. */
  boolean changedElsewhere();

  /** A cached document (a Reports answer, say) by key. */
  Optional<String> document(String key);

  void saveDocument(String key, String json);

  @Override
  void close();
}
