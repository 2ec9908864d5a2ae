package dev.toggltrackmcp.transport;

import io.modelcontextprotocol.spec.ProtocolVersions;
import java.util.List;

/**
 * The MCP protocol versions this server offers, and the one a client gets: its own when offered,
 * else the newest, as MCP's version negotiation says (and as the SDK chooses).
 */
final class OfferedVersions {
  /**
   * The versions the SDK's stdio transport knows, as its {@code protocolVersions()} lists them (a
   * test compares them); named here so that {@code initialize} can be answered before any of the
   * SDK's transport classes is loaded.
   */
  static final List<String> STDIO_SDK =
      List.of(
          ProtocolVersions.MCP_2024_11_05,
          ProtocolVersions.MCP_2025_03_26,
          ProtocolVersions.MCP_2025_06_18,
          ProtocolVersions.MCP_2025_11_25);

  /** The first protocol version without JSON-RPC batches; older ones allow them. */
  private static final String FIRST_WITHOUT_BATCHES = ProtocolVersions.MCP_2025_06_18;

  private OfferedVersions() {}

  /**
   * The versions of {@code sdkVersions} (oldest first, as the SDK lists them) that this server
   * offers: those without batches, which neither SDK transport can serve.
   */
  static List<String> of(List<String> sdkVersions) {
    return sdkVersions.stream().filter(v -> v.compareTo(FIRST_WITHOUT_BATCHES) >= 0).toList();
  }

  /** The version a client asking for {@code asked} gets from {@code offered}. */
  static String chosen(String asked, List<String> offered) {
    return offered.contains(asked) ? asked : offered.get(offered.size() - 1);
  }
}
