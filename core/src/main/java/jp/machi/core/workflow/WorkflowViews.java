package jp.machi.core.workflow;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import jp.machi.core.identity.CallerContext;
import jp.machi.core.workflow.domain.WorkflowTransition;

/**
 * What every module's workflow endpoint sends and answers: the action a caller takes, the actions the
 * caller may take now, and the history, labelled in the caller's language. A module's resource adds
 * its own view around them (its record's id and state, see engagement's {@code VoiceAnswerResource}).
 */
public final class WorkflowViews {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private WorkflowViews() {
    }

    /** An action to take, with its comment (the reason, where the transition requires one). */
    public static class TransitionInput {
        @Size(max = 40)
        public String action;

        @Size(max = 4000)
        public String comment;
    }

    @JsonbPropertyOrder({"action", "label", "reasonRequired"})
    public record ActionView(String action, String label, boolean reasonRequired) {
    }

    @JsonbNillable
    @JsonbPropertyOrder({"seq", "action", "actionLabel", "from", "fromLabel", "to", "toLabel", "comment", "by", "at"})
    public record HistoryView(int seq, String action, String actionLabel, String from, String fromLabel, String to,
            String toLabel, String comment, String by, OffsetDateTime at) {
    }

    /** The actions the current caller may take on {@code record} now (none for nobody). */
    public static <R> List<ActionView> actions(Workflow<R> wf, R record, Locale l) {
        return CallerContext.current().map(c -> wf.available(c, record)).orElse(List.of()).stream()
                .map(t -> new ActionView(t.action(), t.label().in(l), t.reasonRequired())).toList();
    }

    /** The transitions taken, oldest first, with labels and times in Japan. */
    public static List<HistoryView> history(Workflow<?> wf, List<WorkflowTransition> taken, Locale l) {
        return taken.stream().map(t -> {
            String label = wf.transitions().stream().filter(x -> x.action().equals(t.getAction())).findFirst()
                    .map(x -> x.label().in(l)).orElse(t.getAction());
            return new HistoryView(t.getSeq(), t.getAction(), label, t.getFromState(),
                    wf.state(t.getFromState()).label().in(l), t.getToState(), wf.state(t.getToState()).label().in(l),
                    t.getComment(), t.getActorName(), t.getActedAt().atZoneSameInstant(JAPAN).toOffsetDateTime());
        }).toList();
    }
}
