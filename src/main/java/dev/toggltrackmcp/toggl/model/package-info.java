/**
 * Immutable records for what Toggl returns. Ids are {@code long}; timestamps are UTC {@link
 * java.time.Instant}s; a field Toggl may leave out or send as {@code null} is {@code @Nullable}.
 * Secrets Toggl puts in bodies ({@code api_token}, {@code intercom_hash}, {@code ical_url}) have no
 * field here, so they are dropped while parsing and can never reach a tool result or a log.
 */
@NullMarked
package dev.toggltrackmcp.toggl.model;

import org.jspecify.annotations.NullMarked;
