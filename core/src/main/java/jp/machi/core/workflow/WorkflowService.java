package jp.machi.core.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.stream.Collectors;
import jp.machi.core.api.ApiException;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.identity.Caller;
import jp.machi.core.identity.CallerContext;
import jp.machi.core.persistence.Tenancy;
import jp.machi.core.workflow.domain.WorkflowTransition;

/**
 * Takes the actions of a {@link Workflow} and keeps the history of every workflow in one table
 * ({@code workflow_transition}). Every refusal is the same in every module and comes before the
 * first write:
 * <ul>
 * <li>an action the workflow does not know, or a comment longer than 4,000 characters: 400
 * {@code validation} (field {@code action} or {@code comment});</li>
 * <li>an action the caller may not take: 403 {@code transition-forbidden};</li>
 * <li>an action not possible in the current state: 409 {@code transition-not-allowed}, naming the
 * current state and the actions possible now;</li>
 * <li>a required reason missing: 400 {@code validation} on field {@code comment}.</li>
 * </ul>
 * The caller checks If-Match before; the record's version rises with its state.
 */
@ApplicationScoped
@Transactional
public class WorkflowService {

    @Inject
    Tenancy tenancy;

    /** Takes {@code action} on {@code record} as the current caller, with {@code comment}; returns what was taken. */
    public <R> Workflow.Transition<R> take(Workflow<R> workflow, R record, String action, String comment) {
        return take(workflow, record, action, comment, CallerContext.current().orElseThrow());
    }

    /** Takes {@code action} on {@code record} as {@code caller}. */
    public <R> Workflow.Transition<R> take(Workflow<R> workflow, R record, String action, String comment,
            Caller caller) {
        String a = action == null ? null : action.strip();
        String c = comment(comment);
        Workflow.Decision<R> d = workflow.decide(caller, record, a, c);
        if (!d.allowed()) {
            throw refusal(workflow, d, a);
        }
        apply(workflow, record, d.transition(), c, caller);
        return d.transition();
    }

    /**
     * Applies a transition already decided: runs its before-hooks, sets the record's state, writes
     * the history line, runs its after-hooks. For a module whose older API words its refusals its
     * own way and so decides itself (planning's evaluation); everyone else uses {@link #take}.
     */
    public <R> void apply(Workflow<R> workflow, R record, Workflow.Transition<R> t, String comment, Caller caller) {
        String c = comment(comment);
        String from = workflow.stateOf(record).code();
        if (!t.from().contains(from)) {
            throw new IllegalStateException(t.action() + " taken from " + from + " in " + workflow.id());
        }
        Workflow.Step step = new Workflow.Step(from, t.to(), t.action(), c, caller);
        for (Workflow.Hook<R> h : t.before()) {
            h.run(record, step);
        }
        var em = tenancy.em();
        workflow.setState(record, t.to());
        int seq = (int) (long) em.createNamedQuery("WorkflowTransition.countOfRecord", Long.class)
                .setParameter("workflow", workflow.id()).setParameter("recordId", workflow.idOf(record))
                .getSingleResult() + 1;
        em.persist(new WorkflowTransition(workflow.id(), workflow.idOf(record), seq, t.action(), from, t.to(), c,
                caller.id(), caller.name() == null ? caller.id() : caller.name()));
        for (Workflow.Hook<R> h : t.after()) {
            h.run(record, step);
        }
        em.flush();
    }

    /** The record's history, oldest first. */
    public List<WorkflowTransition> history(Workflow<?> workflow, java.util.UUID recordId) {
        return tenancy.em().createNamedQuery("WorkflowTransition.ofRecord", WorkflowTransition.class)
                .setParameter("workflow", workflow.id()).setParameter("recordId", recordId).getResultList();
    }

    /** The problem for a refused decision (see the class comment). */
    public static <R> ApiException refusal(Workflow<R> workflow, Workflow.Decision<R> d, String action) {
        LocalizedText state = d.current().label();
        return switch (d.refusal()) {
            case UNKNOWN_ACTION -> ApiException.invalid(List.of(new ApiException.FieldErrorKey("action",
                    "workflow.action.unknown", action == null ? "" : action, workflow.transitions().stream()
                            .map(Workflow.Transition::action).distinct().collect(Collectors.joining(", ")))));
            case FORBIDDEN -> new ApiException(403, "transition-forbidden", "workflow.transition.forbidden",
                    label(workflow, action), state);
            case NOT_NOW -> ApiException.conflict("transition-not-allowed", "workflow.transition.notAllowed",
                    label(workflow, action), state, labels(d.possibleNow()));
            case REASON_REQUIRED -> ApiException.invalid(List.of(new ApiException.FieldErrorKey("comment",
                    "workflow.comment.required", d.transition().label())));
        };
    }

    /** The labels of {@code ts}, joined for a sentence (「承認」、「差し戻し」 / "Approve", "Return"); なし/none if empty. */
    public static LocalizedText labels(List<? extends Workflow.Transition<?>> ts) {
        if (ts.isEmpty()) {
            return LocalizedText.of("なし", "none");
        }
        return LocalizedText.of(
                ts.stream().map(t -> "「" + t.label().ja() + "」").distinct().collect(Collectors.joining("、")),
                ts.stream().map(t -> "\"" + t.label().en() + "\"").distinct().collect(Collectors.joining(", ")));
    }

    private static <R> LocalizedText label(Workflow<R> workflow, String action) {
        return workflow.transitions().stream().filter(t -> t.action().equals(action)).findFirst()
                .map(Workflow.Transition::label).orElse(LocalizedText.of(String.valueOf(action), String.valueOf(action)));
    }

    private static String comment(String comment) {
        if (comment == null || comment.isBlank()) {
            return null;
        }
        String c = comment.strip();
        if (c.length() > WorkflowTransition.COMMENT_MAX) {
            throw ApiException.invalid(List.of(new ApiException.FieldErrorKey("comment", "workflow.comment.tooLong",
                    WorkflowTransition.COMMENT_MAX)));
        }
        return c;
    }
}
