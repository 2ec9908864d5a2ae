package dev.toggltrackmcp.store;

import dev.toggltrackmcp.config.Secret;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Where an account's cache lives: one file per token and Toggl root, named by a hash so the file
 * name reveals neither, and the token itself is never written anywhere.
 */
public final class CacheFiles {
  private CacheFiles() {}

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
}
