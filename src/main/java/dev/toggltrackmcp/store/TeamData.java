package dev.toggltrackmcp.store;

import dev.toggltrackmcp.toggl.SummaryReport;
import dev.toggltrackmcp.toggl.TogglReports;
import dev.toggltrackmcp.toggl.model.WorkspaceUser;
import java.util.List;

/**
 * Other people's time, which only Toggl's Reports API has: what the team tools read, cached per
 * question so that asking again within the freshness window (or about a closed past range, until
 * the workspace's reference data changes) costs no request. Like {@link TogglData}, a method throws
 * a {@code TogglException} only when nothing cached can answer.
 */
public interface TeamData {

  /** The members of a workspace, deactivated ones included. */
  Fresh<List<WorkspaceUser>> members(long workspaceId);

  /** Every detailed row the request selects, every page read. */
  Fresh<List<TogglReports.Row>> rows(TeamRequest request);

  /** The Reports summary of what the request selects, by {@code grouping} and sub-grouping. */
  Fresh<SummaryReport> summary(TeamRequest request, String grouping, String subGrouping);
}
