package jp.machi.core.module;

import java.util.List;
import jp.machi.core.identity.Caller;

/**
 * What waits for a staff member in a module: the module's part of the console's first page
 * 「あなたの対応待ち」 (ADR 0019, docs/adr/0019-task-list.md). A module provides one or more
 * {@code @ApplicationScoped} beans implementing this for its own id, typically one per kind of
 * item, so that adding a kind is adding a bean. Core asks only the sources of modules that run in
 * this deployment and that the municipality has enabled, inside a transaction whose entity manager
 * is already bound to the municipality ({@code Tenancy.em()}); it never asks for a viewer.
 *
 * <p>Each group's count and items come from the database: {@link TaskGroup#total()} counts all,
 * {@link TaskGroup#items()} holds at most {@code limit} of them, the most urgent first (overdue,
 * then the earliest due date). A kind the caller can have nothing of (a role they lack) is left
 * out; a kind they can have but that is empty now may be left out too.
 */
public interface TaskSource {

    String moduleId();

    /** The groups of items waiting for {@code caller} in the current municipality. */
    List<TaskGroup> waitingFor(Caller caller, int limit);
}
