package jp.machi.core.organization.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.UUID;
import jp.machi.core.api.Answers;
import jp.machi.core.api.Bodies;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Csv;
import jp.machi.core.api.Page;
import jp.machi.core.api.PageRequest;
import jp.machi.core.api.Problems;
import jp.machi.core.api.Versions;
import jp.machi.core.i18n.Messages;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.Role;
import jp.machi.core.organization.application.OrganizationService;
import jp.machi.core.persistence.Exports;
import jp.machi.core.persistence.ListQuery;
import jp.machi.core.organization.application.ReorganizationService;
import jp.machi.core.organization.domain.OrganizationChart;
import jp.machi.core.organization.domain.OrganizationUnit;
import jp.machi.core.organization.domain.Reorganization;
import jp.machi.core.organization.domain.UnitDraft;
import jp.machi.core.organization.domain.UnitKind;
import jp.machi.core.organization.interfaces.rest.OrganizationDtos.LineageView;
import jp.machi.core.organization.interfaces.rest.OrganizationDtos.NewReorganization;
import jp.machi.core.organization.interfaces.rest.OrganizationDtos.NewUnit;
import jp.machi.core.organization.interfaces.rest.OrganizationDtos.ReorganizationPreview;
import jp.machi.core.organization.interfaces.rest.OrganizationDtos.ReorganizationView;
import jp.machi.core.organization.interfaces.rest.OrganizationDtos.SuccessionView;
import jp.machi.core.organization.interfaces.rest.OrganizationDtos.SuccessorSpec;
import jp.machi.core.organization.interfaces.rest.OrganizationDtos.TreeView;
import jp.machi.core.organization.interfaces.rest.OrganizationDtos.UnitCorrection;
import jp.machi.core.organization.interfaces.rest.OrganizationDtos.UnitDetailView;
import jp.machi.core.organization.interfaces.rest.OrganizationDtos.UnitView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/organization-units}: the municipality's organisational
 * units (部 → 課 → 係/室) as one tree with history. Day-to-day edits are corrections; renamings,
 * mergers, splits and abolitions go through {@code reorganizations}, which keeps the past intact.
 */
@Path("municipalities/{lgCode}/organization-units")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "organization-units", description = "組織 / organisational units")
public class OrganizationUnitResource {

    private static final int MAX_CODE = 20;
    private static final int MAX_NAME_JA = 100;
    private static final int MAX_NAME = 200;

    @Inject
    OrganizationService organization;

    @Inject
    Exports exports;

    @Inject
    ReorganizationService reorganizations;

    @jakarta.annotation.Resource
    TransactionSynchronizationRegistry transactions;

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    @Context
    UriInfo uri;

    @PathParam("lgCode")
    String lgCode;

    @GET
    @Access(minimum = Role.VIEWER)
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE, jp.machi.core.api.Xlsx.MEDIA_TYPE})
    @Transactional
    @Operation(summary = "Units valid on ?asOf=YYYY-MM-DD (default today, Japan time), or every unit ever with "
            + "?history=true, by code; paged in the database; CSV with ?format=csv, xlsx (dates in wareki for "
            + "Japanese) with ?format=xlsx, streamed; the JSON's ETag is the whole chart's version (as the tree's)")
    @Answers(value = UnitView.class, page = true)
    public Response list(@BeanParam PageRequest paging, @QueryParam("asOf") String asOf,
            @QueryParam("history") String history, @QueryParam("format") String format) {
        Input in = new Input();
        LocalDate day = in.date("asOf", asOf, Input.today());
        boolean all = in.flag("history", history);
        in.check();
        boolean xlsx = jp.machi.core.api.Xlsx.requested(format, headers);
        boolean csv = !xlsx && Csv.requested(format, headers);
        ListQuery<OrganizationUnit> query = organization.list(all ? null : day);
        if (xlsx) {
            Locale l = Problems.locale(headers);
            boolean ja = !"en".equals(l.getLanguage());
            List<String> header = List.of("code", "nameJa", "nameKana", "nameEn", "kind", "parentCode", "validFrom",
                    "validTo").stream().map(k -> Messages.get(l, "csv.organizationUnit." + k)).toList();
            return jp.machi.core.api.Xlsx.stream(Messages.get(l, "xlsx.unit.file"), Messages.get(l, "xlsx.unit.sheet"),
                    header, exports.<OrganizationUnit, List<?>>of(query, u -> List.of(u.getCode(), u.getNameJa(),
                            text(u.getNameKana()), text(u.getNameEn()), u.getKind().label().in(l),
                            text(u.getParentId() == null ? null
                                    : organization.find(u.getParentId()).map(OrganizationUnit::getCode).orElse(null)),
                            day(u.getValidFrom(), ja), day(u.getValidTo(), ja))), row -> row);
        }
        if (csv) {
            Locale l = Problems.locale(headers);
            List<String> header = List.of("code", "nameJa", "nameKana", "nameEn", "kind", "parentCode", "validFrom",
                    "validTo").stream().map(k -> Messages.get(l, "csv.organizationUnit." + k)).toList();
            String file = "organization-units-" + lgCode + "-" + (all ? "history" : day.toString()) + ".csv";
            return Csv.stream(file, header, exports.<OrganizationUnit, List<?>>of(query, u -> {
                List<Object> row = new ArrayList<>();
                row.add(u.getCode());
                row.add(u.getNameJa());
                row.add(u.getNameKana());
                row.add(u.getNameEn());
                row.add(u.getKind().label().in(l));
                row.add(u.getParentId() == null ? null
                        : organization.find(u.getParentId()).map(OrganizationUnit::getCode).orElse(null));
                row.add(u.getValidFrom());
                row.add(u.getValidTo());
                return row;
            }), row -> row);
        }
        Page<OrganizationUnit> page = query.page(paging);
        Map<UUID, OrganizationUnit> parents = organization.byIds(page.getItems().stream()
                .map(OrganizationUnit::getParentId).filter(java.util.Objects::nonNull).collect(Collectors.toSet()));
        return Response.ok(page.map(u -> UnitView.of(u, id -> Optional.ofNullable(parents.get(id))))).tag(chartTag())
                .build();
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Path("tree")
    @Operation(summary = "The tree on ?asOf=YYYY-MM-DD (default today): roots, each with its children by code; the "
            + "ETag is the whole chart's version, which a reorganisation sends as If-Match")
    @Answers(TreeView.class)
    public Response tree(@QueryParam("asOf") String asOf) {
        Input in = new Input();
        LocalDate day = in.date("asOf", asOf, Input.today());
        in.check();
        return Response.ok(TreeView.of(day, organization.chart().treeOn(day))).tag(chartTag()).build();
    }

    @POST
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Register a unit, valid from validFrom (default today) with no end date")
    @Answers(value = UnitDetailView.class, status = 201)
    public Response create(NewUnit body) {
        Bodies.require(body);
        Input in = new Input();
        UnitDraft draft = new UnitDraft(in.code("code", body.code()), in.required("nameJa", body.nameJa(), MAX_NAME_JA),
                in.kana("nameKana", body.nameKana(), MAX_NAME), in.optional("nameEn", body.nameEn(), MAX_NAME),
                in.kind("kind", body.kind()), in.id("parentId", body.parentId()));
        LocalDate validFrom = in.date("validFrom", body.validFrom(), Input.today());
        in.check();
        OrganizationUnit unit = organization.create(draft, validFrom);
        return Response.created(unitUri(unit.getId())).tag(Versions.tag(unit.getVersion()))
                .entity(UnitDetailView.of(organization.details(unit.getId()))).build();
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Path("{id}")
    @Operation(summary = "One unit with its parent, predecessors and successors (ETag for updates)")
    @Answers(UnitDetailView.class)
    public Response get(@PathParam("id") String id) {
        OrganizationService.UnitDetails d = organization.details(pathId(id));
        return Response.ok(UnitDetailView.of(d)).tag(Versions.tag(d.unit().getVersion())).build();
    }

    @PUT
    @Access(minimum = Role.STAFF)
    @Path("{id}")
    @Transactional
    @Operation(summary = "Correct a unit's code, names or kind (If-Match required); a real change is a reorganisation")
    @Answers(UnitDetailView.class)
    public Response correct(@PathParam("id") String id, UnitCorrection body) {
        Bodies.require(body);
        OrganizationUnit unit = organization.require(pathId(id));
        Versions.requireMatch(request, headers, unit.getVersion());
        Input in = new Input();
        String code = in.code("code", body.code());
        String nameJa = in.required("nameJa", body.nameJa(), MAX_NAME_JA);
        String nameKana = in.kana("nameKana", body.nameKana(), MAX_NAME);
        String nameEn = in.optional("nameEn", body.nameEn(), MAX_NAME);
        UnitKind kind = in.kind("kind", body.kind());
        in.check();
        organization.correct(unit, code, nameJa, nameKana, nameEn, kind);
        return Response.ok(UnitDetailView.of(organization.details(unit.getId())))
                .tag(Versions.tag(unit.getVersion())).build();
    }

    @POST
    @Access(minimum = Role.STAFF)
    @Path("reorganizations")
    @Transactional
    @Operation(summary = "Reorganise in one transaction (If-Match: the chart's ETag from GET …/tree or the list; stale "
            + "412): close the predecessors the day before effectiveDate, open the successor (null abolishes) and carry "
            + "their children over; 201 with every unit created. ?dryRun=true (If-Match optional) carries it out by "
            + "the same code and rolls it back: the tree on effectiveDate before and after, the same changes, the "
            + "chart's ETag to apply it with, nothing written")
    @Answers(ReorganizationPreview.class)
    @Answers(ReorganizationView.class)
    @Answers(value = ReorganizationView.class, status = 201)
    public Response reorganize(@QueryParam("dryRun") String dryRun, NewReorganization body) {
        Input flags = new Input();
        boolean dry = flags.flag("dryRun", dryRun);
        flags.check();
        if (!dry) {
            Versions.requirePresent(headers);
        }
        Bodies.require(body);
        Input in = new Input();
        LocalDate effectiveDate = in.date("effectiveDate", body.effectiveDate(), null);
        List<UUID> predecessorIds = new ArrayList<>();
        if (body.predecessorIds() == null || body.predecessorIds().isEmpty()) {
            in.fail("predecessorIds", "organization.reorg.noPredecessor");
        } else {
            for (int i = 0; i < body.predecessorIds().size(); i++) {
                String field = "predecessorIds[" + i + "]";
                String raw = body.predecessorIds().get(i);
                if (raw == null || raw.isBlank()) {
                    in.fail(field, "field.required");
                } else {
                    predecessorIds.add(in.id(field, raw));
                }
            }
        }
        UnitDraft successor = null;
        SuccessorSpec s = body.successor();
        if (s != null) {
            successor = new UnitDraft(in.code("successor.code", s.code()),
                    in.required("successor.nameJa", s.nameJa(), MAX_NAME_JA),
                    in.kana("successor.nameKana", s.nameKana(), MAX_NAME),
                    in.optional("successor.nameEn", s.nameEn(), MAX_NAME), in.kind("successor.kind", s.kind()),
                    in.id("successor.parentId", s.parentId()));
        }
        in.check();
        // The chart is locked from here to the end of the transaction: the ETag compared is the one
        // the reorganisation is carried out against, and no other editor changes it in between.
        organization.lockTree();
        EntityTag seen = chartTag();
        if (!dry) {
            Versions.requireMatch(request, headers, seen);
        }
        TreeView before = TreeView.of(effectiveDate, organization.chart().treeOn(effectiveDate));
        Reorganization done = reorganizations.reorganize(effectiveDate, predecessorIds, successor);
        OrganizationChart after = organization.chart();
        ReorganizationView view = new ReorganizationView(done.effectiveDate(),
                done.successor().map(u -> UnitView.of(u, after::unit)).orElse(null),
                done.created().stream().map(u -> UnitView.of(u, after::unit)).toList(),
                done.closed().stream().map(u -> UnitView.of(u, after::unit)).toList(),
                done.moved().keySet().stream().map(u -> UnitView.of(u, after::unit)).toList(),
                done.successions().stream().map(SuccessionView::of).toList());
        if (dry) {
            TreeView afterTree = TreeView.of(effectiveDate, after.treeOn(effectiveDate));
            // Carried out and flushed like the real one (the same checks, the database's too), then
            // undone: the transaction ends in a rollback, so nothing of it (audit rows included) stays.
            transactions.setRollbackOnly();
            return Response.ok(new ReorganizationPreview(true, effectiveDate, before, afterTree, view)).tag(seen)
                    .build();
        }
        return done.successor()
                .map(u -> Response.created(unitUri(u.getId())).tag(Versions.tag(u.getVersion())))
                .orElseGet(Response::ok)
                .entity(view).build();
    }

    /** The chart's version as an ETag (see {@link OrganizationService#chartTag}). */
    private EntityTag chartTag() {
        return new EntityTag(organization.chartTag());
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Path("{id}/lineage")
    @Operation(summary = "The unit with all its predecessors and successors through every reorganisation")
    @Answers(LineageView.class)
    public LineageView lineage(@PathParam("id") String id) {
        OrganizationService.LineageDetails found = organization.lineageOf(pathId(id));
        return LineageView.of(found.lineage(), found.chart()::unit);
    }

    private URI unitUri(UUID id) {
        return uri.getBaseUriBuilder().path(OrganizationUnitResource.class).path("{id}").build(lgCode, id);
    }

    /** An id in the path that is not a UUID names no unit: 404, like any unknown id. */
    private static UUID pathId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("organization.notFound", id.length() > 40 ? id.substring(0, 40) + "…" : id);
        }
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    /** A day as an office prints it: 令和7年4月1日 in Japanese, ISO in English. */
    private static String day(LocalDate d, boolean ja) {
        return d == null ? "" : ja ? jp.machi.core.api.PrintedPages.wareki(d) : d.toString();
    }
}
