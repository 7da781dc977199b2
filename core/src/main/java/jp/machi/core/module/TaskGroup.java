package jp.machi.core.module;

import java.util.List;
import java.util.Objects;
import jp.machi.core.i18n.LocalizedText;

/**
 * One kind of item waiting for a caller, as a {@link TaskSource} found it.
 *
 * @param kind the kind's id, unique within its module ({@code voice-to-answer})
 * @param label what the kind is called, e.g. 回答待ちの市民の声 / Citizen voices to answer
 * @param total how many items of this kind wait (all of them, not just those in {@code items})
 * @param overdue how many of them are past their due date
 * @param items the most urgent ones, at most the limit asked for, most urgent first
 */
public record TaskGroup(String kind, LocalizedText label, long total, long overdue, List<TaskItem> items) {

    public TaskGroup {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(label, "label");
        items = List.copyOf(items);
    }
}
