package dev.toggltrackmcp.toggl.model;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A tag of a workspace. */
public record Tag(long id, long workspaceId, String name, @Nullable Instant at) {}
