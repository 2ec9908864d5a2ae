package dev.toggltrackmcp.store;

import dev.toggltrackmcp.toggl.model.Account;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Tags, clients and projects this process created, kept in the account when a reference read that
 * began before their creation is committed after it (that read cannot know them). A read that began
 * after a creation is Toggl's word: absent there, the item was deleted, and it is forgotten here.
 */
final class CreatedHere {
  private record Item(Instant createdBy, Predicate<Account> present, UnaryOperator<Account> add) {}

  private final List<Item> items = new CopyOnWriteArrayList<>();

  /** {@code createdBy}: a moment by which Toggl had answered the create. */
  void remember(Instant createdBy, Predicate<Account> present, UnaryOperator<Account> add) {
    items.add(new Item(createdBy, present, add));
  }

  /** {@code change} with the items its account must still hold put back into it. */
  Change keptIn(Change change) {
    if (change.account() == null || change.referenceAsOf() == null || items.isEmpty()) {
      return change;
    }
    Account account = change.account();
    for (Item i : items) {
      if (i.present().test(account) || !change.referenceAsOf().isBefore(i.createdBy())) {
        items.remove(i); // Toggl's read has it, or began after it and says it is gone
      } else {
        account = i.add().apply(account);
      }
    }
    return account == change.account()
        ? change
        : new Change(
            account,
            change.referenceAsOf(),
            change.upserts(),
            change.deletions(),
            change.entriesAsOf(),
            change.sinceCursor(),
            change.coveredFrom());
  }
}
