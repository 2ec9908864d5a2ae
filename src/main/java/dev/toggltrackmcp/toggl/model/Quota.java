package dev.toggltrackmcp.toggl.model;

import org.jspecify.annotations.Nullable;

/**
 * One hourly quota bucket from {@code GET /me/quota}: the user bucket has no organization id.
 * {@code remaining} can be negative while Toggl does not enforce it.
 */
public record Quota(@Nullable Long organizationId, long remaining, long total, long resetsInSecs) {}
