package dev.toggltrackmcp.mcp;

import java.util.ArrayList;
import java.util.List;

/** Every resource and resource template, in the order the docs list them. */
final class ResourceRegistry {
  private final List<ResourceDefinition> resources;

  ResourceRegistry(ToolContext ctx, List<ToolDefinition> served) {
    List<ResourceDefinition> all = new ArrayList<>(new AccountResources(ctx, served).definitions());
    all.add(new EntriesCsv(ctx).definition());
    this.resources = List.copyOf(all);
  }

  List<ResourceDefinition> resources() {
    return resources;
  }
}
