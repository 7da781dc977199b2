package jp.machi.planning.yearcycle.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import jp.machi.core.api.Answers;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Problems;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.i18n.Messages;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.Role;
import jp.machi.planning.document.DocumentParams;
import jp.machi.planning.yearcycle.application.FiscalYearCopyService;
import jp.machi.planning.yearcycle.application.FiscalYearCopyService.Item;
import jp.machi.planning.yearcycle.application.FiscalYearCopyService.Outcome;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/planning/fiscal-years/{from}/copy?to=R7[&dryRun=true]}: the
 * start of the yearly cycle (年度更新) — the programs, department policies and division plans of
 * {@code from} copied into {@code to} in one transaction (see {@link FiscalYearCopyService}), with per
 * kind what was copied and what was skipped and why. Comprehensive plans span several years and
 * evaluations belong to their year: neither is copied, and the answer says so.
 */
@Path("municipalities/{lgCode}/planning/fiscal-years")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "planning")
public class FiscalYearResource {

    @Inject
    FiscalYearCopyService service;

    @Context
    HttpHeaders headers;

    @JsonbNillable
    @JsonbPropertyOrder({"sourceId", "number", "title", "copied", "copyId", "reason", "reasonText"})
    public record ItemView(UUID sourceId, String number, String title, boolean copied, UUID copyId, String reason,
            String reasonText) {
    }

    @JsonbPropertyOrder({"kind", "label", "copied", "skipped", "items"})
    public record KindView(String kind, String label, long copied, long skipped, List<ItemView> items) {
    }

    @JsonbPropertyOrder({"kind", "label", "reason"})
    public record NotCopiedView(String kind, String label, String reason) {
    }

    @JsonbPropertyOrder({"from", "fromLabel", "to", "toLabel", "dryRun", "copied", "skipped", "kinds", "notCopied"})
    public record CopyView(FiscalYear from, String fromLabel, FiscalYear to, String toLabel, boolean dryRun, long copied,
            long skipped, List<KindView> kinds, List<NotCopiedView> notCopied) {
    }

    @POST
    @Path("{from}/copy")
    @Transactional
    @Access(minimum = Role.STAFF)
    @Operation(summary = "Start fiscal year ?to= from {from}: copy its programs, department policies and division plans"
            + " (one transaction; the old year stays; already present or ended items are skipped with the reason;"
            + " dryRun=true writes nothing)")
    @Answers(CopyView.class)
    public CopyView copy(@PathParam("from") String from, @QueryParam("to") String to,
            @QueryParam("dryRun") String dryRun) {
        FiscalYear[] years = DocumentParams.copyYears(from, to);
        if (years[1].compareTo(years[0]) < 0) {
            throw ApiException.invalid(List.of(new ApiException.FieldErrorKey("to", "planning.fiscalYearCopy.backwards",
                    String.valueOf(years[1].startYear()), String.valueOf(years[0].startYear()))));
        }
        boolean dry;
        if (dryRun == null || dryRun.isBlank() || dryRun.strip().equalsIgnoreCase("false")) {
            dry = false;
        } else if (dryRun.strip().equalsIgnoreCase("true")) {
            dry = true;
        } else {
            throw ApiException.invalid(List.of(new ApiException.FieldErrorKey("dryRun", "planning.fiscalYearCopy.dryRun",
                    dryRun)));
        }
        FiscalYearCopyService.Result r = service.copy(years[0], years[1], dry);
        Locale l = Problems.locale(headers);
        List<KindView> kinds = List.of(kind("programs", r.programs(), l), kind("departmentPolicies",
                r.departmentPolicies(), l), kind("divisionPlans", r.divisionPlans(), l));
        List<NotCopiedView> notCopied = List.of(notCopied("comprehensivePlans", l), notCopied("evaluations", l),
                notCopied("costs", l));
        return new CopyView(r.from(), r.from().label(l), r.to(), r.to().label(l), r.dryRun(),
                kinds.stream().mapToLong(KindView::copied).sum(), kinds.stream().mapToLong(KindView::skipped).sum(),
                kinds, notCopied);
    }

    private static KindView kind(String kind, Outcome o, Locale l) {
        return new KindView(kind, Messages.get(l, "planning.fiscalYearCopy.kind." + kind), o.copied(), o.skipped(),
                o.items().stream().map(i -> item(i, l)).toList());
    }

    private static ItemView item(Item i, Locale l) {
        return new ItemView(i.sourceId(), i.number(), i.title(), i.copied(), i.copyId(),
                i.reason() == null ? null : i.reason().name(),
                i.reason() == null ? null : Messages.get(l, "planning.fiscalYearCopy.reason." + i.reason().name()));
    }

    private static NotCopiedView notCopied(String kind, Locale l) {
        return new NotCopiedView(kind, Messages.get(l, "planning.fiscalYearCopy.kind." + kind),
                Messages.get(l, "planning.fiscalYearCopy.notCopied." + kind));
    }
}
