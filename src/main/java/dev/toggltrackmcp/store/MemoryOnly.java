package dev.toggltrackmcp.store;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The store when the cache is off or the disk cannot be used: the snapshot in memory is all there
 * is, so saving entries is a no-op; documents live as long as the process.
 */
final class MemoryOnly implements CacheStore {
  private final Map<String, String> documents = new ConcurrentHashMap<>();

  @Override
  public String location() {
    return "memory";
  }

  @Override
  public Snapshot load() {
    return Snapshot.EMPTY;
  }

  @Override
  public void save(Snapshot after, Change change) {}

  @Override
  public boolean changedElsewhere() {
    return false;
  }

  @Override
  public Optional<String> document(String key) {
    return Optional.ofNullable(documents.get(key));
  }

  @Override
  public void saveDocument(String key, String json) {
    documents.put(key, json);
  }

  @Override
  public void close() {}
}
