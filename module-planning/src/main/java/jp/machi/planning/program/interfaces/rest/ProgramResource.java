package jp.machi.planning.program.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
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
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import jp.machi.core.api.Bodies;
import jp.machi.core.api.Csv;
import jp.machi.core.api.Page;
import jp.machi.core.api.PageRequest;
import jp.machi.core.api.Problems;
import jp.machi.core.api.Versions;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.i18n.Messages;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.Role;
import jp.machi.planning.program.application.ProgramService;
import jp.machi.planning.program.domain.AdministrativeProgram;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/municipalities/{lgCode}/planning/programs}: administrative programs (事務事業). */
@Path("municipalities/{lgCode}/planning/programs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "planning")
public class ProgramResource {

    @Inject
    ProgramService programs;

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    @Context
    UriInfo uri;

    @JsonbPropertyOrder({"id", "fiscalYear", "serialNumber", "programNumber", "name", "unitId", "unitName", "purpose",
        "overview", "results"})
    public record ProgramView(UUID id, FiscalYear fiscalYear, Integer serialNumber, String programNumber, String name,
            UUID unitId, String unitName, String purpose, String overview, String results) {
        static ProgramView of(AdministrativeProgram p) {
            return new ProgramView(p.getId(), p.getFiscalYear(), p.getSerialNumber(), p.getProgramNumber(), p.getName(),
                    p.getUnitId(), p.getUnitName(), p.getPurpose(), p.getOverview(), p.getResults());
        }
    }

    /** A program as sent on create and update. */
    public static class ProgramInput {
        @NotNull
        public FiscalYear fiscalYear;

        @Min(1)
        public Integer serialNumber;

        @NotBlank
        @Size(max = 40)
        public String programNumber;

        @NotBlank
        @Size(max = 300)
        public String name;

        public UUID unitId;

        @Size(max = 200)
        public String unitName;

        @Size(max = 4000)
        public String purpose;

        @Size(max = 4000)
        public String overview;

        @Size(max = 4000)
        public String results;

        AdministrativeProgram.Content content() {
            return new AdministrativeProgram.Content(fiscalYear, serialNumber, programNumber.strip(), name.strip(), unitId,
                    unitName, purpose, overview, results);
        }
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Transactional
    @Operation(summary = "List programs, optionally of one fiscal year (paged; CSV with ?format=csv)")
    public Response list(@BeanParam PageRequest paging, @QueryParam("format") String format,
            @QueryParam("fiscalYear") String fiscalYear) {
        FiscalYear fy = fiscalYear == null || fiscalYear.isBlank() ? null : FiscalYear.parse(fiscalYear);
        List<AdministrativeProgram> found = programs.list(fy);
        if (Csv.requested(format, headers)) {
            Locale l = Problems.locale(headers);
            return Csv.response("programs.csv",
                    List.of("fiscalYear", "serialNumber", "programNumber", "name", "unitName", "purpose", "overview",
                            "results").stream().map(k -> Messages.get(l, "planning.csv." + k)).toList(),
                    found, p -> java.util.Arrays.asList(p.getFiscalYear().label(l), p.getSerialNumber(),
                            p.getProgramNumber(), p.getName(), p.getUnitName(), p.getPurpose(), p.getOverview(),
                            p.getResults()));
        }
        return Response.ok(Page.of(found, paging).map(ProgramView::of)).build();
    }

    @POST
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Register a program")
    public Response create(@Valid ProgramInput body) {
        Bodies.require(body);
        AdministrativeProgram p = programs.create(body.content());
        return Response.created(uri.getAbsolutePathBuilder().path(p.getId().toString()).build())
                .tag(Versions.tag(p.getVersion())).entity(ProgramView.of(p)).build();
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Path("{id}")
    @Transactional
    @Operation(summary = "One program")
    public Response get(@PathParam("id") UUID id) {
        AdministrativeProgram p = programs.require(id);
        return Response.ok(ProgramView.of(p)).tag(Versions.tag(p.getVersion())).build();
    }

    @PUT
    @Access(minimum = Role.STAFF)
    @Path("{id}")
    @Transactional
    @Operation(summary = "Revise a program (If-Match required)")
    public Response update(@PathParam("id") UUID id, @Valid ProgramInput body) {
        Bodies.require(body);
        AdministrativeProgram p = programs.require(id);
        Versions.requireMatch(request, headers, p.getVersion());
        programs.revise(p, body.content());
        return Response.ok(ProgramView.of(p)).tag(Versions.tag(p.getVersion())).build();
    }

    @DELETE
    @Access(minimum = Role.STAFF)
    @Path("{id}")
    @Transactional
    @Operation(summary = "Delete a program (If-Match required)")
    public Response delete(@PathParam("id") UUID id) {
        AdministrativeProgram p = programs.require(id);
        Versions.requireMatch(request, headers, p.getVersion());
        programs.delete(p);
        return Response.noContent().build();
    }
}
