package dev.toggltrackmcp.toggl.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A client of a workspace. Toggl names the workspace only {@code wid} on clients. */
public record Client(
    long id,
    @JsonProperty("wid") @JsonAlias("workspace_id") long workspaceId,
    String name,
    boolean archived,
    @Nullable String notes,
    @Nullable Instant at) {}
