package jp.machi.planning.plan.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import jp.machi.core.api.Answers;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Csv;
import jp.machi.core.api.Page;
import jp.machi.core.api.PageRequest;
import jp.machi.core.api.Problems;
import jp.machi.core.api.Versions;
import jp.machi.core.i18n.Messages;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.Role;
import jp.machi.planning.plan.application.PlanNodeService;
import jp.machi.planning.plan.application.PlanService;
import jp.machi.planning.plan.domain.ComprehensivePlan;
import jp.machi.planning.plan.domain.IndicatorLink;
import jp.machi.planning.plan.domain.PlanNode;
import jp.machi.planning.plan.domain.PlanTree;
import jp.machi.planning.plan.interfaces.rest.PlanDtos.LinkInput;
import jp.machi.planning.plan.interfaces.rest.PlanDtos.LinkRevision;
import jp.machi.planning.plan.interfaces.rest.PlanDtos.LinkView;
import jp.machi.planning.plan.interfaces.rest.PlanDtos.MoveInput;
import jp.machi.planning.plan.interfaces.rest.PlanDtos.NewNodeInput;
import jp.machi.planning.plan.interfaces.rest.PlanDtos.NodeInput;
import jp.machi.planning.plan.interfaces.rest.PlanDtos.NodeView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/planning/plans/{planId}/nodes}: the nodes of a plan
 * (基本目標, 基本施策, 施策, 取組項目 …) and the indicators linked to them. Bodies are checked after
 * the plan and node are found, so an id of another municipality answers 404 whatever is sent.
 */
@Path("municipalities/{lgCode}/planning/plans/{planId}/nodes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "planning")
public class PlanNodeResource {

    @Inject
    PlanService plans;

    @Inject
    PlanNodeService nodes;

    @Inject
    PlanViews views;

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    @Context
    UriInfo uri;

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Transactional
    @Access(minimum = Role.VIEWER)
    @Operation(summary = "The plan's nodes in document order, depth first (paged; CSV with ?format=csv: "
            + "one row per node and linked indicator)")
    @Answers(value = NodeView.class, page = true)
    public Response list(@PathParam("planId") UUID planId, @BeanParam PageRequest paging,
            @QueryParam("format") String format) {
        ComprehensivePlan p = plans.require(planId);
        Locale l = Problems.locale(headers);
        boolean csv = Csv.requested(format, headers);
        List<String> levelNames = plans.levelNames(p);
        if (csv) {
            // The whole plan (at most PlanNodeService.MAX_NODES nodes), numbered as the tree reads.
            PlanTree tree = plans.tree(p);
            return csv(p, tree, tree.depthFirst(), views.linkViews(p, l), levelNames, l);
        }
        // Document order is walked by the database, and only the page's nodes and links are read.
        Page<PlanNode> page = nodes.documentOrder(p, paging);
        Map<UUID, List<LinkView>> links = views.linkViews(p, page.getItems().stream().map(PlanNode::getId).toList(), l);
        return Response.ok(page.map(n -> views.node(n, levelNames, links.getOrDefault(n.getId(), List.of()), null)))
                .build();
    }

    @POST
    @Transactional
    @Access(minimum = Role.STAFF)
    @Operation(summary = "Add a node under parentId (absent: top level) at position (absent: last); "
            + "its level is the parent's + 1 and must be named by the plan")
    @Answers(value = NodeView.class, status = 201)
    public Response create(@PathParam("planId") UUID planId, NewNodeInput body) {
        ComprehensivePlan p = plans.requireForTreeChange(planId);
        views.valid(body);
        PlanNode n = nodes.create(p, body.parentId, body.position, PlanViews.content(body));
        return Response.created(uri.getAbsolutePathBuilder().path(n.getId().toString()).build())
                .tag(Versions.tag(n.getVersion())).entity(view(p, n)).build();
    }

    @GET
    @Path("{nodeId}")
    @Transactional
    @Access(minimum = Role.VIEWER)
    @Operation(summary = "One node with its responsible units and linked indicators")
    @Answers(NodeView.class)
    public Response get(@PathParam("planId") UUID planId, @PathParam("nodeId") UUID nodeId) {
        ComprehensivePlan p = plans.require(planId);
        PlanNode n = nodes.require(p, nodeId);
        return Response.ok(view(p, n)).tag(Versions.tag(n.getVersion())).build();
    }

    @PUT
    @Path("{nodeId}")
    @Transactional
    @Access(minimum = Role.STAFF)
    @Operation(summary = "Replace what a node says (If-Match required); its place changes only by a move")
    @Answers(NodeView.class)
    public Response update(@PathParam("planId") UUID planId, @PathParam("nodeId") UUID nodeId, NodeInput body) {
        ComprehensivePlan p = plans.require(planId);
        PlanNode n = nodes.require(p, nodeId);
        views.valid(body);
        Versions.requireMatch(request, headers, n.getVersion());
        nodes.revise(n, PlanViews.content(body));
        return Response.ok(view(p, n)).tag(Versions.tag(n.getVersion())).build();
    }

    @DELETE
    @Path("{nodeId}")
    @Transactional
    @Access(minimum = Role.STAFF)
    @Operation(summary = "Delete a node and its indicator links (If-Match required); a node with children only "
            + "with ?withDescendants=true, which deletes them too (409 otherwise)")
    @Answers(status = 204)
    public Response delete(@PathParam("planId") UUID planId, @PathParam("nodeId") UUID nodeId,
            @QueryParam("withDescendants") String withDescendants) {
        ComprehensivePlan p = plans.requireForTreeChange(planId);
        PlanNode n = nodes.require(p, nodeId);
        Versions.requireMatch(request, headers, n.getVersion());
        nodes.delete(p, n, flag("withDescendants", withDescendants));
        return Response.noContent().build();
    }

    @POST
    @Path("{nodeId}/move")
    @Transactional
    @Access(minimum = Role.STAFF)
    @Operation(summary = "Move a node with its subtree under parentId (null: top level) at position (If-Match of the node)")
    @Answers(NodeView.class)
    public Response move(@PathParam("planId") UUID planId, @PathParam("nodeId") UUID nodeId, MoveInput body) {
        ComprehensivePlan p = plans.requireForTreeChange(planId);
        PlanNode n = nodes.require(p, nodeId);
        views.valid(body);
        Versions.requireMatch(request, headers, n.getVersion());
        nodes.move(p, n, body.parentId, body.position);
        return Response.ok(view(p, n)).tag(Versions.tag(n.getVersion())).build();
    }

    // ---- indicator links

    @GET
    @Path("{nodeId}/indicators")
    @Transactional
    @Access(minimum = Role.VIEWER)
    @Operation(summary = "The indicators linked to a node, in order (paged)")
    @Answers(value = LinkView.class, page = true)
    public Response links(@PathParam("planId") UUID planId, @PathParam("nodeId") UUID nodeId,
            @BeanParam PageRequest paging) {
        ComprehensivePlan p = plans.require(planId);
        PlanNode n = nodes.require(p, nodeId);
        Locale l = Problems.locale(headers);
        return Response.ok(nodes.linkList(n).page(paging).map(link -> linkView(link, l))).build();
    }

    @POST
    @Path("{nodeId}/indicators")
    @Transactional
    @Access(minimum = Role.STAFF)
    @Operation(summary = "Link one of the municipality's indicators to a node as OUTCOME or PROCESS with a weight "
            + "(defaults: the role its kind suggests, weight 1)")
    @Answers(value = LinkView.class, status = 201)
    public Response link(@PathParam("planId") UUID planId, @PathParam("nodeId") UUID nodeId, LinkInput body) {
        ComprehensivePlan p = plans.requireForTreeChange(planId);
        PlanNode n = nodes.require(p, nodeId);
        views.valid(body);
        IndicatorLink link = nodes.link(p, n, body.indicatorId, body.role, body.weight, body.position);
        return Response.created(uri.getAbsolutePathBuilder().path(link.getId().toString()).build())
                .tag(Versions.tag(link.getVersion())).entity(linkView(link, Problems.locale(headers))).build();
    }

    @GET
    @Path("{nodeId}/indicators/{linkId}")
    @Transactional
    @Access(minimum = Role.VIEWER)
    @Operation(summary = "One indicator link")
    @Answers(LinkView.class)
    public Response getLink(@PathParam("planId") UUID planId, @PathParam("nodeId") UUID nodeId,
            @PathParam("linkId") UUID linkId) {
        IndicatorLink link = nodes.requireLink(nodes.require(plans.require(planId), nodeId), linkId);
        return Response.ok(linkView(link, Problems.locale(headers))).tag(Versions.tag(link.getVersion())).build();
    }

    @PUT
    @Path("{nodeId}/indicators/{linkId}")
    @Transactional
    @Access(minimum = Role.STAFF)
    @Operation(summary = "Change a link's role and weight (If-Match required)")
    @Answers(LinkView.class)
    public Response updateLink(@PathParam("planId") UUID planId, @PathParam("nodeId") UUID nodeId,
            @PathParam("linkId") UUID linkId, LinkRevision body) {
        IndicatorLink link = nodes.requireLink(nodes.require(plans.require(planId), nodeId), linkId);
        views.valid(body);
        Versions.requireMatch(request, headers, link.getVersion());
        nodes.reviseLink(link, body.role, body.weight);
        return Response.ok(linkView(link, Problems.locale(headers))).tag(Versions.tag(link.getVersion())).build();
    }

    @DELETE
    @Path("{nodeId}/indicators/{linkId}")
    @Transactional
    @Access(minimum = Role.STAFF)
    @Operation(summary = "Unlink an indicator from a node (If-Match required; the indicator stays)")
    @Answers(status = 204)
    public Response unlink(@PathParam("planId") UUID planId, @PathParam("nodeId") UUID nodeId,
            @PathParam("linkId") UUID linkId) {
        PlanNode n = nodes.require(plans.requireForTreeChange(planId), nodeId);
        IndicatorLink link = nodes.requireLink(n, linkId);
        Versions.requireMatch(request, headers, link.getVersion());
        nodes.unlink(n, link);
        return Response.noContent().build();
    }

    // ----

    private NodeView view(ComprehensivePlan p, PlanNode n) {
        Locale l = Problems.locale(headers);
        return views.node(n, plans.levelNames(p), nodes.links(n).stream().map(link -> linkView(link, l)).toList(), null);
    }

    private LinkView linkView(IndicatorLink link, Locale l) {
        return PlanViews.link(link, plans.indicator(link.getIndicatorId()), l);
    }

    private static boolean flag(String name, String text) {
        if (text == null || text.isBlank() || "false".equalsIgnoreCase(text.strip())) {
            return false;
        }
        if ("true".equalsIgnoreCase(text.strip())) {
            return true;
        }
        throw ApiException.invalid(List.of(new ApiException.FieldErrorKey(name, "planning.flag.invalid", text)));
    }

    private Response csv(ComprehensivePlan p, PlanTree tree, List<PlanNode> ordered, Map<UUID, List<LinkView>> links,
            List<String> levelNames, Locale l) {
        List<String> header = new ArrayList<>();
        for (String key : List.of("level", "number", "title", "parent", "groupLabel", "units", "unitsNote", "targetVision",
                "currentIssues", "policyDirections", "details", "notes", "residents", "companies", "activityGroups", "indicatorCode",
                "indicatorName", "role", "weight", "unit", "baseline", "baselineYear", "finalTarget", "finalTargetYear")) {
            header.add(Messages.get(l, "planning.csv.node." + key));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (PlanNode n : ordered) {
            NodeView v = views.node(n, levelNames, List.of(), null);
            String parent = n.getParentId() == null ? null : tree.find(n.getParentId()).map(PlanNode::label).orElse(null);
            String units = v.responsibleUnits().stream().map(u -> u.nameJa() == null ? u.id().toString() : u.nameJa())
                    .collect(Collectors.joining(" / "));
            List<Object> nodeColumns = new ArrayList<>();
            nodeColumns.add(v.levelName());
            nodeColumns.add(n.getNumber());
            nodeColumns.add(n.getTitle());
            nodeColumns.add(parent);
            nodeColumns.add(n.getGroupLabel());
            nodeColumns.add(units);
            nodeColumns.add(n.getResponsibleUnitsNote());
            nodeColumns.add(n.getTargetVision());
            nodeColumns.add(n.getCurrentIssues());
            nodeColumns.add(n.getPolicyDirections());
            nodeColumns.add(n.getDetails());
            nodeColumns.add(n.getNotes());
            nodeColumns.add(n.getResidentsRole());
            nodeColumns.add(n.getCompaniesRole());
            nodeColumns.add(n.getGroupsRole());
            List<LinkView> ls = links.getOrDefault(n.getId(), List.of());
            if (ls.isEmpty()) {
                List<Object> row = new ArrayList<>(nodeColumns);
                for (int i = 0; i < 9; i++) {
                    row.add(null);
                }
                rows.add(row);
            }
            for (LinkView link : ls) {
                List<Object> row = new ArrayList<>(nodeColumns);
                row.add(link.code());
                row.add(link.nameJa());
                row.add(link.roleLabel());
                row.add(link.weight().toPlainString());
                row.add(link.unit());
                row.add(link.baseline() == null ? null : link.baseline().value().toPlainString());
                row.add(link.baseline() == null || link.baseline().fiscalYear() == null ? null
                        : link.baseline().fiscalYear().label(l));
                row.add(link.finalTarget() == null ? null : link.finalTarget().value().toPlainString());
                row.add(link.finalTarget() == null || link.finalTarget().fiscalYear() == null ? null
                        : link.finalTarget().fiscalYear().label(l));
                rows.add(row);
            }
        }
        return Csv.response("plan-nodes.csv", header, rows, row -> row);
    }
}
