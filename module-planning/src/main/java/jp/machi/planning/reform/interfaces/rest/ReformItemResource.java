package jp.machi.planning.reform.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import jp.machi.core.api.Answers;
import jp.machi.core.api.Bodies;
import jp.machi.core.api.Csv;
import jp.machi.core.api.PageRequest;
import jp.machi.core.api.Problems;
import jp.machi.core.api.Versions;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.i18n.Messages;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.Role;
import jp.machi.core.indicator.domain.Indicator;
import jp.machi.core.indicator.domain.IndicatorYearValue;
import jp.machi.core.persistence.Exports;
import jp.machi.core.persistence.ListQuery;
import jp.machi.planning.document.DocumentParams;
import jp.machi.planning.document.References;
import jp.machi.planning.reform.application.ReformItemService;
import jp.machi.planning.reform.domain.ReformItem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/planning/reform-items}: 行政改革の改革項目 (seed 004). The
 * indicators are core indicators, linked by id; a view shows their yearly targets and actuals.
 */
@Path("municipalities/{lgCode}/planning/reform-items")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "planning")
public class ReformItemResource {

    @Inject
    ReformItemService items;

    @Inject
    Exports exports;

    @Inject
    References references;

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    @Context
    UriInfo uri;

    @JsonbPropertyOrder({"unitId", "name"})
    public record UnitView(UUID unitId, String name) {
    }

    @JsonbPropertyOrder({"activity", "fromFiscalYear", "toFiscalYear", "stage"})
    public record ScheduleView(String activity, FiscalYear fromFiscalYear, FiscalYear toFiscalYear, String stage) {
    }

    @JsonbPropertyOrder({"fiscalYear", "target", "actual"})
    public record YearView(FiscalYear fiscalYear, BigDecimal target, BigDecimal actual) {
    }

    @JsonbPropertyOrder({"id", "code", "nameJa", "unit", "cumulative", "years"})
    public record IndicatorView(UUID id, String code, String nameJa, String unit, boolean cumulative, List<YearView> years) {
    }

    @JsonbPropertyOrder({"id", "itemNumber", "theme", "title", "firstFiscalYear", "lastFiscalYear", "responsibleUnits",
        "currentState", "direction", "examples", "schedule", "indicators", "indicatorNote"})
    public record ItemView(UUID id, int itemNumber, String theme, String title, FiscalYear firstFiscalYear,
            FiscalYear lastFiscalYear, List<UnitView> responsibleUnits, String currentState, String direction,
            List<String> examples, List<ScheduleView> schedule, List<IndicatorView> indicators, String indicatorNote) {
    }

    ItemView view(ReformItem r) {
        ReformItem.Content c = r.content();
        List<IndicatorView> indicators = new ArrayList<>();
        for (UUID id : c.indicatorIds()) {
            references.indicator(id).ifPresent(i -> indicators.add(indicator(i)));
        }
        return new ItemView(r.getId(), c.itemNumber(), c.theme(), c.title(), c.firstFiscalYear(), c.lastFiscalYear(),
                c.responsibleUnits().stream().map(u -> new UnitView(u.unitId(),
                        u.unitId() == null ? u.name() : references.unit(u.unitId()).map(x -> x.getNameJa()).orElse(u.name())))
                        .toList(),
                c.currentState(), c.direction(), c.examples(),
                c.schedule().stream().map(e -> new ScheduleView(e.activity(), FiscalYear.of(e.fromFiscalYear()),
                        FiscalYear.of(e.toFiscalYear()), e.stage())).toList(),
                indicators, c.indicatorNote());
    }

    private static IndicatorView indicator(Indicator i) {
        return new IndicatorView(i.getId(), i.getCode(), i.getNameJa(), i.getUnit(), i.isCumulative(),
                i.getValues().stream().sorted(Comparator.comparing(IndicatorYearValue::getFiscalYear))
                        .map(v -> new YearView(v.getFiscalYear(), v.getTarget(), v.getActual())).toList());
    }

    /** A responsible division as sent: a unit id, or only the name as the plan writes it. */
    public static class UnitInput {
        public UUID unitId;

        @Size(max = 200)
        public String name;
    }

    /** A schedule entry as sent: an activity over fiscal years. */
    public static class ScheduleInput {
        @NotBlank
        @Size(max = 1000)
        public String activity;

        @NotNull
        public FiscalYear fromFiscalYear;

        @NotNull
        public FiscalYear toFiscalYear;

        @Size(max = 200)
        public String stage;
    }

    /** A reform item as sent on create and update. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ReformItemInput") // a name of its own in /openapi: other classes are called ItemInput too
    public static class ItemInput {
        @NotNull
        @Min(1)
        @Max(99999)
        public Integer itemNumber;

        public FiscalYear firstFiscalYear;

        public FiscalYear lastFiscalYear;

        @Size(max = 300)
        public String theme;

        @NotBlank
        @Size(max = 300)
        public String title;

        @Valid
        @Size(max = 30)
        public List<@NotNull UnitInput> responsibleUnits;

        @Size(max = 20000)
        public String currentState;

        @Size(max = 20000)
        public String direction;

        @Size(max = 50)
        public List<@NotBlank @Size(max = 2000) String> examples;

        @Valid
        @Size(max = 50)
        public List<@NotNull ScheduleInput> schedule;

        @Size(max = 20)
        public List<@NotNull UUID> indicatorIds;

        @Size(max = 2000)
        public String indicatorNote;

        ReformItem.Content content() {
            return new ReformItem.Content(itemNumber, firstFiscalYear, lastFiscalYear, theme, title.strip(),
                    list(responsibleUnits).stream().map(u -> new ReformItem.ResponsibleUnit(u.unitId, u.name)).toList(),
                    currentState, direction, list(examples),
                    list(schedule).stream().map(s -> new ReformItem.ScheduleEntry(s.activity.strip(),
                            s.fromFiscalYear.startYear(), s.toFiscalYear.startYear(), s.stage)).toList(),
                    list(indicatorIds), indicatorNote);
        }
    }

    static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Transactional
    @Operation(summary = "List reform items by number (?fiscalYear= for the items running that year; ?sort= itemNumber,"
            + " firstFiscalYear, lastFiscalYear; paged in the database; CSV with ?format=csv, streamed)")
    @Answers(value = ItemView.class, page = true)
    public Response list(@BeanParam PageRequest paging, @QueryParam("format") String format,
            @QueryParam("fiscalYear") String fiscalYear, @QueryParam("sort") String sort) {
        FiscalYear fy = DocumentParams.fiscalYear(fiscalYear);
        boolean csv = Csv.requested(format, headers);
        if (!csv) {
            paging.offset();
        }
        ListQuery<ReformItem> found = items.list(fy, ReformItemService.SORT.parse(sort));
        if (csv) {
            Locale l = Problems.locale(headers);
            return Csv.stream("reform-items.csv",
                    List.of("itemNumber", "theme", "title", "period", "responsibleUnits", "currentState", "direction",
                            "examples", "schedule", "indicators")
                            .stream().map(k -> Messages.get(l, "planning.csv.reform." + k)).toList(),
                    exports.of(found, this::view), v -> Arrays.asList(v.itemNumber(), v.theme(), v.title(),
                            v.firstFiscalYear() == null ? null : v.firstFiscalYear().label(l) + "–"
                                    + (v.lastFiscalYear() == null ? "" : v.lastFiscalYear().label(l)),
                            String.join("・", v.responsibleUnits().stream().map(UnitView::name).toList()),
                            v.currentState(), v.direction(), String.join("\n", v.examples()),
                            String.join("\n", v.schedule().stream().map(s -> s.fromFiscalYear().label(l) + "–"
                                    + s.toFiscalYear().label(l) + " " + s.activity()).toList()),
                            String.join("\n", v.indicators().stream().map(i -> i.nameJa() + ": " + String.join(" / ",
                                    i.years().stream().map(y -> y.fiscalYear().label(l) + " "
                                            + (y.target() == null ? "-" : y.target().toPlainString())
                                            + (y.actual() == null ? "" : " (" + y.actual().toPlainString() + ")"))
                                            .toList())).toList())));
        }
        return Response.ok(found.page(paging).map(this::view)).build();
    }

    @POST
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Register a reform item (item numbers are unique)")
    @Answers(value = ItemView.class, status = 201)
    public Response create(@Valid ItemInput body) {
        Bodies.require(body);
        ReformItem r = items.create(body.content());
        return Response.created(uri.getAbsolutePathBuilder().path(r.getId().toString()).build())
                .tag(Versions.tag(r.getVersion())).entity(view(r)).build();
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Path("{id}")
    @Transactional
    @Operation(summary = "One reform item with its indicators' yearly targets and actuals")
    @Answers(ItemView.class)
    public Response get(@PathParam("id") UUID id) {
        ReformItem r = items.require(id);
        return Response.ok(view(r)).tag(Versions.tag(r.getVersion())).build();
    }

    @PUT
    @Access(minimum = Role.STAFF)
    @Path("{id}")
    @Transactional
    @Operation(summary = "Revise a reform item (If-Match required)")
    @Answers(ItemView.class)
    public Response update(@PathParam("id") UUID id, @Valid ItemInput body) {
        Bodies.require(body);
        ReformItem r = items.require(id);
        Versions.requireMatch(request, headers, r.getVersion());
        items.revise(r, body.content());
        return Response.ok(view(r)).tag(Versions.tag(r.getVersion())).build();
    }

    @DELETE
    @Access(minimum = Role.STAFF)
    @Path("{id}")
    @Transactional
    @Operation(summary = "Delete a reform item (If-Match required); its indicators stay in core")
    @Answers(status = 204)
    public Response delete(@PathParam("id") UUID id) {
        ReformItem r = items.require(id);
        Versions.requireMatch(request, headers, r.getVersion());
        items.delete(r);
        return Response.noContent().build();
    }
}
