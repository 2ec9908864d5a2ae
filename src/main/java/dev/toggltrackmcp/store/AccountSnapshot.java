package dev.toggltrackmcp.store;

import dev.toggltrackmcp.toggl.model.Account;
import dev.toggltrackmcp.toggl.model.Client;
import dev.toggltrackmcp.toggl.model.Project;
import dev.toggltrackmcp.toggl.model.Tag;
import dev.toggltrackmcp.toggl.model.Task;
import dev.toggltrackmcp.toggl.model.User;
import dev.toggltrackmcp.toggl.model.Workspace;
import java.util.List;

/** The account in the shape it is kept in the cache file (JSON in the meta table). */
record AccountSnapshot(
    User user,
    List<Workspace> workspaces,
    List<Project> projects,
    List<Client> clients,
    List<Tag> tags,
    List<Task> tasks) {

  static AccountSnapshot of(Account a) {
    return new AccountSnapshot(
        a.user(), a.workspaces(), a.projects(), a.clients(), a.tags(), a.tasks());
  }

  Account toAccount() {
    return new Account(
        user,
        workspaces == null ? List.of() : workspaces,
        projects == null ? List.of() : projects,
        clients == null ? List.of() : clients,
        tags == null ? List.of() : tags,
        tasks == null ? List.of() : tasks);
  }
}
