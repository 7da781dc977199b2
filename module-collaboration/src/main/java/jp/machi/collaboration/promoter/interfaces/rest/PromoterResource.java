package jp.machi.collaboration.promoter.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
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
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import jp.machi.collaboration.CollaborationModule;
import jp.machi.collaboration.promoter.application.PromoterService;
import jp.machi.collaboration.promoter.domain.Promoter;
import jp.machi.core.api.Answers;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Bodies;
import jp.machi.core.api.Csv;
import jp.machi.core.api.PageRequest;
import jp.machi.core.api.Problems;
import jp.machi.core.api.Versions;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.i18n.Messages;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.Caller;
import jp.machi.core.identity.CallerContext;
import jp.machi.core.identity.Role;
import jp.machi.core.persistence.Exports;
import jp.machi.core.persistence.ListQuery;
import jp.machi.core.personaldata.PersonalData;
import jp.machi.core.personaldata.PersonalDataDisclosure;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/collaboration/promoters}: 市民協働推進員, one per unit and
 * fiscal year. The name is masked ({@link PersonalData}) unless revealed; edited by holders of
 * {@code collaboration.editor} and administrators.
 */
@Path("municipalities/{lgCode}/collaboration/promoters")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "collaboration")
public class PromoterResource {

    @Inject
    PromoterService promoters;

    @Inject
    Exports exports;

    @Inject
    PersonalDataDisclosure disclosure;

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    @Context
    UriInfo uri;

    @JsonbPropertyOrder({"id", "fiscalYear", "fiscalYearLabel", "unitId", "unitName", "personName", "position",
        "appointedOn"})
    public record PromoterView(UUID id, FiscalYear fiscalYear, String fiscalYearLabel, UUID unitId, String unitName,
            @PersonalData(PersonalData.Kind.NAME) String personName, String position, LocalDate appointedOn) {
    }

    public static class PromoterInput {
        @NotNull
        public FiscalYear fiscalYear;

        @NotNull
        public UUID unitId;

        @NotBlank
        @Size(max = 100)
        public String personName;

        @Size(max = 100)
        public String position;

        public LocalDate appointedOn;

        Promoter.Content content() {
            return new Promoter.Content(fiscalYear, unitId, personName.strip(),
                    position == null || position.isBlank() ? null : position.strip(), appointedOn);
        }
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Transactional
    @Operation(summary = "List 市民協働推進員, newest fiscal year first (filters: fiscalYear, unitId; ?sort= fiscalYear,"
            + " appointedOn; paged in the database; CSV with ?format=csv); names masked")
    @Answers(value = PromoterView.class, page = true)
    public Response list(@BeanParam PageRequest paging, @QueryParam("format") String format,
            @QueryParam("fiscalYear") String fiscalYear, @QueryParam("unitId") String unitId,
            @QueryParam("sort") String sort) {
        UUID unit = null;
        if (unitId != null && !unitId.isBlank()) {
            try {
                unit = UUID.fromString(unitId.strip());
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid(List.of(new ApiException.FieldErrorKey("unitId", "collaboration.uuidExpected",
                        unitId.length() > 40 ? unitId.substring(0, 40) + "…" : unitId)));
            }
        }
        FiscalYear fy = fiscalYear == null || fiscalYear.isBlank() ? null : FiscalYear.parse(fiscalYear);
        boolean csv = Csv.requested(format, headers);
        if (!csv) {
            paging.offset();
        }
        ListQuery<Promoter> query = promoters.list(fy, unit, PromoterService.SORT.parse(sort));
        Locale l = Problems.locale(headers);
        if (csv) {
            return Csv.stream("collaboration-promoters.csv",
                    List.of("fiscalYear", "unitName", "personName", "position", "appointedOn").stream()
                            .map(k -> Messages.get(l, "collaboration.csv.promoter." + k)).toList(),
                    exports.of(query, p -> view(p, l)), v -> Arrays.asList(v.fiscalYearLabel(), v.unitName(),
                            v.personName(), v.position(), v.appointedOn()));
        }
        return Response.ok(query.page(paging).map(p -> view(p, l))).build();
    }

    @POST
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Record a unit's 市民協働推進員 for a fiscal year (one per unit and year: 409 for a second)")
    @Answers(value = PromoterView.class, status = 201)
    public Response create(@Valid PromoterInput body) {
        Bodies.require(body);
        requireEditor();
        Promoter p = promoters.create(body.content());
        return Response.created(uri.getAbsolutePathBuilder().path(p.getId().toString()).build())
                .tag(Versions.tag(p.getVersion())).entity(view(p, Problems.locale(headers))).build();
    }

    @GET
    @Path("{id}")
    @Access(minimum = Role.VIEWER)
    @Transactional
    @Operation(summary = "One 市民協働推進員; ?reveal=personal-data shows the name in full (staff and above; recorded"
            + " in the audit trail)")
    @Answers(PromoterView.class)
    public Response get(@PathParam("id") UUID id, @QueryParam("reveal") String reveal) {
        boolean full = PersonalDataDisclosure.requested(reveal);
        Promoter p = promoters.require(id);
        if (full) {
            disclosure.reveal(p, p.getId());
        }
        return Response.ok(view(p, Problems.locale(headers))).tag(Versions.tag(p.getVersion())).build();
    }

    @PUT
    @Path("{id}")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Change a 市民協働推進員 record (If-Match required)")
    @Answers(PromoterView.class)
    public Response update(@PathParam("id") UUID id, @Valid PromoterInput body) {
        Bodies.require(body);
        requireEditor();
        Promoter p = promoters.require(id);
        Versions.requireMatch(request, headers, p.getVersion());
        promoters.revise(p, body.content());
        return Response.ok(view(p, Problems.locale(headers))).tag(Versions.tag(p.getVersion())).build();
    }

    @DELETE
    @Path("{id}")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Delete a 市民協働推進員 record (If-Match required)")
    @Answers(status = 204)
    public Response delete(@PathParam("id") UUID id) {
        requireEditor();
        Promoter p = promoters.require(id);
        Versions.requireMatch(request, headers, p.getVersion());
        promoters.delete(p);
        return Response.noContent().build();
    }

    private PromoterView view(Promoter p, Locale l) {
        return new PromoterView(p.getId(), p.getFiscalYear(), p.getFiscalYear().label(l), p.getUnitId(),
                promoters.unitName(p.getUnitId()).orElse(null), p.getPersonName(), p.getPosition(), p.getAppointedOn());
    }

    private static void requireEditor() {
        Caller c = CallerContext.current().orElseThrow();
        if (!c.has(Role.MUNICIPALITY_ADMIN) && !c.holds(CollaborationModule.EDITOR)) {
            throw new ApiException(403, "forbidden", "collaboration.project.editorOnly");
        }
    }
}
