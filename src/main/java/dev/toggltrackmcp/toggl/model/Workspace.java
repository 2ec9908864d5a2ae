package dev.toggltrackmcp.toggl.model;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A workspace. {@code rounding} is 0 for nearest, 1 for up, -1 for down; rates are per hour in
 * {@code defaultCurrency} and absent on the Free plan.
 */
public record Workspace(
    long id,
    @Nullable Long organizationId,
    String name,
    boolean premium,
    boolean businessWs,
    boolean admin,
    @Nullable String role,
    @Nullable BigDecimal defaultHourlyRate,
    @Nullable String defaultCurrency,
    int rounding,
    int roundingMinutes,
    boolean projectsBillableByDefault,
    @Nullable Integer maxDataRetentionDays,
    @Nullable Instant at) {}
