package ${package}.item.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.util.List;
import ${package}.${className}Module;
import ${package}.item.domain.Item;
import ${package}.item.domain.ItemState;
import jp.machi.core.api.Sort;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.identity.Caller;
import jp.machi.core.module.TaskGroup;
import jp.machi.core.module.TaskItem;
import jp.machi.core.module.TaskSource;
import jp.machi.core.persistence.ListQuery;
import jp.machi.core.persistence.Tenancy;

/**
 * Items to review in the console's 「あなたの対応待ち」 (core's task list), for holders of
 * {@value ${className}Module#REVIEWER}: those 申請中 and not caught by the honeypot, the oldest first. A task
 * is listed to everyone it waits for, so it carries the receipt number and the title, never the contact.
 */
@ApplicationScoped
public class ItemTasks implements TaskSource {

    private static final LocalizedText TO_REVIEW = LocalizedText.of("審査待ちの${nameJa}", "${nameEn}: items to review");

    private static final Sort.Fields OLDEST_FIRST = Sort.Fields.of()
            .field("receivedAt", "i.receivedAt").field("receiptNumber", "i.receiptNumber")
            .byDefault("receivedAt,receiptNumber");

    @Inject
    Tenancy tenancy;

    @Override
    public String moduleId() {
        return ${className}Module.ID;
    }

    @Override
    public List<TaskGroup> waitingFor(Caller caller, int limit) {
        if (!caller.holds(${className}Module.REVIEWER)) {
            return List.of();
        }
        ListQuery<Item> waiting = ListQuery.of(tenancy.em(), Item.class, "i")
                .always("i.state = :state AND i.spam = false", "state", ItemState.SUBMITTED)
                .orderBy(OLDEST_FIRST.parse(null));
        List<TaskItem> items = waiting.list(0, limit).stream().map(i -> new TaskItem("${moduleId}-item", i.getId().toString(),
                i.getReceiptNumber(), i.getTitle(), i.getReceivedAt().atZoneSameInstant(ZoneId.of("Asia/Tokyo")).toLocalDate(),
                i.getFiscalYear(), false, null, ${className}Module.ID + "/" + ${className}Module.ID + "-items/" + i.getId()))
                .toList();
        return List.of(new TaskGroup("item-to-review", TO_REVIEW, waiting.count(), 0, items));
    }
}
