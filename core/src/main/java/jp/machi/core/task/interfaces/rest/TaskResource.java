package jp.machi.core.task.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import jp.machi.core.api.Answers;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Problems;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.Caller;
import jp.machi.core.identity.CallerContext;
import jp.machi.core.identity.Role;
import jp.machi.core.module.TaskItem;
import jp.machi.core.organization.application.OrganizationService;
import jp.machi.core.organization.domain.OrganizationUnit;
import jp.machi.core.task.application.TaskList;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/tasks}: 「あなたの対応待ち」, what waits for the caller or
 * their unit in the modules this municipality has switched on (ADR 0019). Staff, municipality and
 * platform administrators get their items; a viewer may call it and gets none (a viewer acts on
 * nothing).
 */
@Path("municipalities/{lgCode}/tasks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "tasks")
public class TaskResource {

    @Inject
    TaskList tasks;

    @Inject
    OrganizationService organization;

    @Context
    HttpHeaders headers;

    @PathParam("lgCode")
    String lgCode;

    /** Everything waiting, in all kinds: {@code groups} the most urgent first. */
    @JsonbPropertyOrder({"total", "overdue", "groups"})
    public record TaskListView(long total, long overdue, List<GroupView> groups) {
    }

    /** One kind: {@code total} counts all its items, {@code items} lists the most urgent ones. */
    @JsonbPropertyOrder({"module", "kind", "label", "total", "overdue", "items"})
    public record GroupView(String module, String kind, String label, long total, long overdue, List<ItemView> items) {
    }

    /** One item; {@code route} is its console screen after {@code #/<lgCode>/}. */
    @JsonbPropertyOrder({"recordType", "recordId", "reference", "title", "due", "fiscalYear", "overdue", "unitId",
        "unitName", "route"})
    public record ItemView(String recordType, String recordId, String reference, String title, LocalDate due,
            FiscalYear fiscalYear, boolean overdue, UUID unitId, String unitName, String route) {
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Transactional
    @Operation(summary = "What waits for the caller or their unit in the enabled modules (あなたの対応待ち):"
            + " per kind the count and the most urgent items (limit per kind, default 20, at most 100),"
            + " overdue first, then by due date; a viewer gets none")
    @Answers(TaskListView.class)
    public TaskListView list(@QueryParam("limit") String limit) {
        int n = limit(limit);
        Caller caller = CallerContext.current().orElseThrow();
        Locale l = Problems.locale(headers);
        Map<UUID, Optional<String>> unitNames = new HashMap<>();
        List<GroupView> groups = tasks.waitingFor(lgCode, caller, n).stream()
                .map(g -> new GroupView(g.moduleId(), g.group().kind(), g.group().label().in(l), g.group().total(),
                        g.group().overdue(), g.group().items().stream()
                                .map(i -> view(i, unitNames.computeIfAbsent(i.unitId(), id -> unitName(id, l))))
                                .toList()))
                .toList();
        return new TaskListView(groups.stream().mapToLong(GroupView::total).sum(),
                groups.stream().mapToLong(GroupView::overdue).sum(), groups);
    }

    private static ItemView view(TaskItem i, Optional<String> unitName) {
        return new ItemView(i.recordType(), i.recordId(), i.reference(), i.title(), i.due(), i.fiscalYear(), i.overdue(),
                i.unitId(), unitName.orElse(null), i.route());
    }

    private Optional<String> unitName(UUID id, Locale l) {
        if (id == null) {
            return Optional.empty();
        }
        return organization.find(id).map(u -> "en".equals(l.getLanguage()) && u.getNameEn() != null
                && !u.getNameEn().isBlank() ? u.getNameEn() : u.getNameJa());
    }

    private static int limit(String text) {
        if (text == null || text.isBlank()) {
            return TaskList.DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(text.strip());
            if (n >= 1 && n <= TaskList.MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ApiException.invalid(List.of(new ApiException.FieldErrorKey("limit", "tasks.limit.range", 1,
                TaskList.MAX_LIMIT)));
    }
}
