package jp.machi.core.task.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jp.machi.core.identity.Caller;
import jp.machi.core.identity.Role;
import jp.machi.core.module.ModuleRegistry;
import jp.machi.core.module.TaskGroup;
import jp.machi.core.module.TaskItem;
import jp.machi.core.module.TaskSource;
import jp.machi.core.municipality.application.ModuleEnablementService;
import jp.machi.core.persistence.Tenancy;

/**
 * 「あなたの対応待ち」: what waits for one staff member across the modules their municipality has
 * switched on (and that run), from the modules' {@link TaskSource}s. Viewers act on nothing, so
 * nothing waits for them and no source is asked.
 */
@ApplicationScoped
@Transactional
public class TaskList {

    /** How many items per kind are listed when the caller does not say. */
    public static final int DEFAULT_LIMIT = 20;

    /** The most items per kind one request may ask for. */
    public static final int MAX_LIMIT = 100;

    /** A group with the module it came from. */
    public record Group(String moduleId, TaskGroup group) {
    }

    /** Most urgent first: overdue, then the earliest due date, then the earliest fiscal year. */
    public static final Comparator<TaskItem> URGENCY = Comparator.comparing(TaskItem::overdue).reversed()
            .thenComparing(TaskItem::due, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(TaskItem::fiscalYear, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(TaskItem::title);

    @Inject
    ModuleRegistry modules;

    @Inject
    ModuleEnablementService enablement;

    @Inject
    Tenancy tenancy;

    @Inject
    @Any
    Instance<TaskSource> sources;

    /** The groups waiting for {@code caller} in {@code lgCode}, the most urgent group first; empty ones left out. */
    public List<Group> waitingFor(String lgCode, Caller caller, int limit) {
        if (!caller.has(Role.STAFF)) {
            return List.of();
        }
        tenancy.bind(lgCode);
        Map<String, Boolean> on = enablement.enablement(lgCode);
        Set<String> active = modules.started().stream().map(ModuleRegistry.ModuleState::id)
                .filter(id -> on.getOrDefault(id, false)).collect(Collectors.toSet());
        List<Group> groups = new ArrayList<>();
        for (TaskSource source : sources) {
            if (!active.contains(source.moduleId())) {
                continue;
            }
            for (TaskGroup g : source.waitingFor(caller, limit)) {
                if (g.total() == 0 && g.items().isEmpty()) {
                    continue;
                }
                List<TaskItem> items = g.items().stream().sorted(URGENCY).limit(limit).toList();
                groups.add(new Group(source.moduleId(), new TaskGroup(g.kind(), g.label(), g.total(), g.overdue(), items)));
            }
        }
        groups.sort(Comparator.comparing((Group g) -> g.group().items().isEmpty() ? null : g.group().items().get(0),
                Comparator.nullsLast(URGENCY)).thenComparing(Group::moduleId).thenComparing(g -> g.group().kind()));
        return groups;
    }
}
