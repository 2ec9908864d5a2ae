package dev.toggltrackmcp.toggl.model;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A task of a project; {@code active == false} means done. */
public record Task(
    long id,
    String name,
    long projectId,
    long workspaceId,
    boolean active,
    @Nullable Long estimatedSeconds,
    @Nullable Long userId,
    @Nullable Instant at) {}
