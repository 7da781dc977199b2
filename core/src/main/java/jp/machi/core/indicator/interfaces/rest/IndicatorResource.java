package jp.machi.core.indicator.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import jp.machi.core.api.Answers;
import jp.machi.core.api.CachedRead;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Bodies;
import jp.machi.core.api.Csv;
import jp.machi.core.api.Decimals;
import jp.machi.core.api.MergePatch;
import jp.machi.core.api.PageRequest;
import jp.machi.core.api.Problems;
import jp.machi.core.api.Versions;
import jp.machi.core.api.Xlsx;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.i18n.Messages;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.Role;
import jp.machi.core.indicator.application.IndicatorService;
import jp.machi.core.indicator.application.RatingScaleService;
import jp.machi.core.indicator.domain.Indicator;
import jp.machi.core.indicator.domain.IndicatorKind;
import jp.machi.core.indicator.domain.RatingScale;
import jp.machi.core.indicator.interfaces.rest.IndicatorDtos.IndicatorInput;
import jp.machi.core.indicator.interfaces.rest.IndicatorDtos.IndicatorView;
import jp.machi.core.indicator.interfaces.rest.IndicatorDtos.YearInput;
import jp.machi.core.indicator.interfaces.rest.IndicatorDtos.YearView;
import jp.machi.core.persistence.Exports;
import jp.machi.core.persistence.ListQuery;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/municipalities/{lgCode}/indicators}: a municipality's indicators, evaluated per fiscal year. */
@Path("municipalities/{lgCode}/indicators")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "indicators", description = "指標 / indicators")
public class IndicatorResource {

    @Inject
    IndicatorService indicators;

    @Inject
    RatingScaleService ratings;

    @Inject
    Exports exports;

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    @Context
    UriInfo uri;

    @GET
    @CachedRead
    @Access(minimum = Role.VIEWER)
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE, Xlsx.MEDIA_TYPE})
    @Transactional
    @Operation(summary = "List indicators (filters: kind, category, unitId with includeLineage, q, withoutActual=a "
            + "fiscal year (2024 or R6): recorded by hand with no actual for that year; ?sort= code, nameJa,"
            + " kind, category, - for descending; paged in the database; ?format=csv or xlsx: every indicator with its"
            + " whole yearly series, target and actual per fiscal year, streamed)")
    @Answers(value = IndicatorView.class, page = true)
    public Response list(@BeanParam PageRequest paging, @QueryParam("format") String format,
            @QueryParam("kind") String kind, @QueryParam("category") String category,
            @QueryParam("unitId") String unitId, @QueryParam("includeLineage") String includeLineage,
            @QueryParam("q") String text, @QueryParam("sort") String sort,
            @QueryParam("withoutActual") String withoutActual) {
        Locale l = Problems.locale(headers);
        IndicatorService.Filter filter = new IndicatorService.Filter(parseKind(kind), blankToNull(category),
                parseUuid("unitId", unitId), "true".equalsIgnoreCase(includeLineage), text,
                withoutActual == null || withoutActual.isBlank() ? null : FiscalYear.parse(withoutActual));
        boolean xlsx = Xlsx.requested(format, headers);
        boolean csv = !xlsx && Csv.requested(format, headers);
        if (!csv && !xlsx) {
            paging.offset();
        }
        ListQuery<Indicator> query = indicators.list(filter, IndicatorService.SORT.parse(sort));
        RatingScale scale = ratings.current();
        if (csv || xlsx) {
            List<FiscalYear> years = indicators.seriesYears();
            Iterable<List<?>> rows = exports.<Indicator, List<?>>of(query, i -> csvRow(i, scale, years, l));
            if (xlsx) {
                return Xlsx.stream(Messages.get(l, "xlsx.indicator.file"), Messages.get(l, "xlsx.indicator.sheet"),
                        csvHeader(years, l), rows, row -> row);
            }
            return Csv.stream("indicators.csv", csvHeader(years, l), rows, row -> row);
        }
        return Response.ok(query.page(paging).map(i -> IndicatorView.of(i, indicators.evaluate(i, scale), l))).build();
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Path("categories")
    @Transactional
    @Operation(summary = "The categories in use (a free list per municipality)")
    @Answers(value = String.class, list = true)
    public List<String> categories() {
        return indicators.categories();
    }

    @POST
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Create an indicator")
    @Answers(value = IndicatorView.class, status = 201)
    public Response create(@Valid IndicatorInput body) {
        Bodies.require(body);
        Indicator i = indicators.create(definition(body), figures(body));
        return Response.created(uri.getAbsolutePathBuilder().path(i.getId().toString()).build())
                .tag(Versions.tag(i.getVersion()))
                .entity(IndicatorView.of(i, indicators.evaluate(i), Problems.locale(headers))).build();
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Path("{id}")
    @Transactional
    @Operation(summary = "One indicator with targets, actuals, achievement and rating per fiscal year")
    @Answers(IndicatorView.class)
    public Response get(@PathParam("id") UUID id) {
        Indicator i = indicators.require(id);
        return Response.ok(IndicatorView.of(i, indicators.evaluate(i), Problems.locale(headers)))
                .tag(Versions.tag(i.getVersion())).build();
    }

    @PUT
    @Access(minimum = Role.STAFF)
    @Path("{id}")
    @Transactional
    @Operation(summary = "Replace an indicator (If-Match required)")
    @Answers(IndicatorView.class)
    public Response update(@PathParam("id") UUID id, @Valid IndicatorInput body) {
        Bodies.require(body);
        Indicator i = indicators.require(id);
        Versions.requireMatch(request, headers, i.getVersion());
        indicators.update(i, definition(body), figures(body));
        return Response.ok(IndicatorView.of(i, indicators.evaluate(i), Problems.locale(headers)))
                .tag(Versions.tag(i.getVersion())).build();
    }

    /**
     * The indicator as its PUT takes it, for a merge patch: the GET shows evaluated years (the final
     * target standing in for a year's own, a bound metric's actuals), the PUT takes the figures typed in.
     */
    @MergePatch.Base("{id}")
    @Transactional
    public IndicatorInput current(@PathParam("id") UUID id) {
        return IndicatorInput.of(indicators.require(id));
    }

    @DELETE
    @Access(minimum = Role.STAFF)
    @Path("{id}")
    @Transactional
    @Operation(summary = "Delete an indicator (If-Match required)")
    @Answers(status = 204)
    public Response delete(@PathParam("id") UUID id) {
        Indicator i = indicators.require(id);
        Versions.requireMatch(request, headers, i.getVersion());
        indicators.delete(i);
        return Response.noContent().build();
    }

    private Indicator.Definition definition(IndicatorInput b) {
        String module = null;
        String metric = null;
        if (b.metricSource != null && !b.metricSource.isBlank()) {
            int colon = b.metricSource.indexOf(':');
            module = b.metricSource.substring(0, colon);
            metric = b.metricSource.substring(colon + 1);
        }
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        if (module != null && b.years != null && b.years.stream().anyMatch(y -> y.actual != null)) {
            errors.add(new ApiException.FieldErrorKey("years", "indicator.actual.bound"));
        }
        if (b.baseline == null && Boolean.TRUE.equals(b.cumulative) && module != null) {
            errors.add(new ApiException.FieldErrorKey("baseline", "indicator.baseline.requiredForCumulative"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new Indicator.Definition(blankToNull(b.code), b.nameJa.strip(), blankToNull(b.nameEn), b.kind,
                blankToNull(b.category), b.unit.strip(), b.direction,
                b.baseline == null ? null : b.baseline.value, b.baseline == null ? null : b.baseline.fiscalYear,
                b.finalTarget == null ? null : b.finalTarget.value,
                b.finalTarget == null ? null : b.finalTarget.fiscalYear,
                Boolean.TRUE.equals(b.cumulative), b.ownerUnitId, module, metric, blankToNull(b.note));
    }

    private static List<Indicator.YearFigures> figures(IndicatorInput b) {
        if (b.years == null) {
            return List.of();
        }
        Set<FiscalYear> seen = new HashSet<>();
        List<Indicator.YearFigures> figures = new ArrayList<>();
        for (int n = 0; n < b.years.size(); n++) {
            YearInput y = b.years.get(n);
            if (!seen.add(y.fiscalYear)) {
                throw ApiException.invalid(List.of(new ApiException.FieldErrorKey("years[" + n + "].fiscalYear",
                        "indicator.year.duplicate", y.fiscalYear.japaneseLabel())));
            }
            figures.add(new Indicator.YearFigures(y.fiscalYear, y.target, y.actual));
        }
        return figures;
    }

    private static IndicatorKind parseKind(String kind) {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        try {
            return IndicatorKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(List.of(new ApiException.FieldErrorKey("kind", "indicator.kind.unknown", kind)));
        }
    }

    static UUID parseUuid(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(List.of(new ApiException.FieldErrorKey(field, "id.malformed", text)));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static List<String> csvHeader(List<FiscalYear> years, Locale l) {
        List<String> h = new ArrayList<>();
        for (String key : List.of("code", "nameJa", "nameEn", "kind", "category", "unit", "direction", "baseline",
                "baselineYear", "finalTarget", "finalTargetYear", "cumulative", "metricSource", "latestYear",
                "latestTarget", "latestActual", "latestRate", "latestRating")) {
            h.add(Messages.get(l, "csv.indicator." + key));
        }
        for (FiscalYear fy : years) {
            h.add(Messages.get(l, "csv.indicator.yearTarget", fy.label(l)));
            h.add(Messages.get(l, "csv.indicator.yearActual", fy.label(l)));
        }
        return h;
    }

    private List<?> csvRow(Indicator i, RatingScale scale, List<FiscalYear> series, Locale l) {
        List<YearView> years = indicators.evaluate(i, scale).stream().map(YearView::of).toList();
        YearView latest = years.stream().filter(y -> y.actual() != null).reduce((a, b) -> b).orElse(null);
        List<Object> row = new ArrayList<>();
        row.add(i.getCode());
        row.add(i.getNameJa());
        row.add(i.getNameEn());
        row.add(IndicatorDtos.Labels.kind(i.getKind(), l));
        row.add(i.getCategory());
        row.add(i.getUnit());
        row.add(IndicatorDtos.Labels.direction(i.getDirection(), l));
        row.add(text(i.getBaselineValue()));
        row.add(i.getBaselineYear() == null ? null : i.getBaselineYear().label(l));
        row.add(text(i.getFinalTarget()));
        row.add(i.getFinalTargetYear() == null ? null : i.getFinalTargetYear().label(l));
        row.add(Messages.get(l, i.isCumulative() ? "csv.yes" : "csv.no"));
        row.add(i.isBoundToMetric() ? i.getMetricModule() + ":" + i.getMetricId() : null);
        row.add(latest == null ? null : latest.fiscalYear().label(l));
        row.add(latest == null ? null : latest.target());
        row.add(latest == null ? null : latest.actual());
        row.add(latest == null ? null : latest.achievementRate());
        row.add(latest == null ? null : latest.rating());
        // The whole series: each year's own target (not the final one applied) and actual (entered or from the metric).
        for (FiscalYear fy : series) {
            YearView y = years.stream().filter(v -> v.fiscalYear().equals(fy)).findFirst().orElse(null);
            row.add(y == null || !"YEARLY".equals(y.targetSource()) ? null : y.target());
            row.add(y == null ? null : y.actual());
        }
        return row;
    }

    private static String text(java.math.BigDecimal v) {
        return v == null ? null : Decimals.plain(v).toPlainString();
    }
}
