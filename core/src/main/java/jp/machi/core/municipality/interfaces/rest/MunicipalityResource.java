package jp.machi.core.municipality.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
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
import jp.machi.core.api.Answers;
import jp.machi.core.api.Bodies;
import jp.machi.core.api.Csv;
import jp.machi.core.api.LocalGovernmentCodes;
import jp.machi.core.api.Page;
import jp.machi.core.api.PageRequest;
import jp.machi.core.api.Problems;
import jp.machi.core.api.Versions;
import jp.machi.core.i18n.Messages;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.Caller;
import jp.machi.core.identity.CallerContext;
import jp.machi.core.identity.Role;
import jp.machi.core.municipality.application.MunicipalityService;
import jp.machi.core.municipality.domain.LocalGovernmentCode;
import jp.machi.core.municipality.domain.Municipality;
import jp.machi.core.municipality.interfaces.rest.MunicipalityDtos.MunicipalityNames;
import jp.machi.core.municipality.interfaces.rest.MunicipalityDtos.MunicipalityView;
import jp.machi.core.municipality.interfaces.rest.MunicipalityDtos.NewMunicipality;
import jp.machi.core.persistence.Exports;
import jp.machi.core.persistence.ListQuery;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/municipalities}: the municipalities this deployment serves. */
@Path("municipalities")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "municipalities", description = "地方公共団体 / municipalities")
public class MunicipalityResource {

    @Inject
    MunicipalityService municipalities;

    @Inject
    Exports exports;

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    @Context
    UriInfo uri;

    @GET
    @Access(minimum = Role.VIEWER)
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(summary = "List municipalities (?sort= code, nameJa, nameKana, nameEn; paged in the database; CSV with"
            + " ?format=csv, streamed): all for platform administrators, else one's own")
    @Answers(value = MunicipalityView.class, page = true)
    public Response list(@BeanParam PageRequest paging, @QueryParam("format") String format,
            @QueryParam("sort") String sort) {
        Caller caller = CallerContext.current().orElseThrow();
        boolean csv = Csv.requested(format, headers);
        if (!csv) {
            paging.offset();
        }
        ListQuery<Municipality> query = municipalities.list(caller.role() == Role.PLATFORM_ADMIN ? null
                : caller.municipalityCode(), MunicipalityService.SORT.parse(sort));
        if (csv) {
            Locale l = Problems.locale(headers);
            return Csv.stream("municipalities.csv",
                    List.of(Messages.get(l, "csv.municipality.code"), Messages.get(l, "csv.municipality.nameJa"),
                            Messages.get(l, "csv.municipality.nameKana"), Messages.get(l, "csv.municipality.nameEn"),
                            Messages.get(l, "csv.municipality.prefecture")),
                    exports.<Municipality, List<?>>of(query, m -> List.of(m.getCode().value(), m.getNameJa(),
                            m.getNameKana(), m.getNameEn(), m.getPrefecture().displayName().in(l))), row -> row);
        }
        return Response.ok(query.page(paging).map(MunicipalityView::of)).build();
    }

    @POST
    @Access(minimum = Role.PLATFORM_ADMIN)
    @Transactional
    @Operation(summary = "Register a municipality")
    @Answers(value = MunicipalityView.class, status = 201)
    public Response register(@Valid NewMunicipality body) {
        Bodies.require(body);
        LocalGovernmentCode code = LocalGovernmentCodes.parse(body.code);
        Municipality m = municipalities.register(code, body.nameJa.strip(), body.nameKana.strip(), body.nameEn.strip());
        return Response.created(uri.getAbsolutePathBuilder().path(code.value()).build())
                .tag(Versions.tag(m.getVersion())).entity(MunicipalityView.of(m)).build();
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Path("{lgCode}")
    @Operation(summary = "One municipality")
    @Answers(MunicipalityView.class)
    public Response get(@PathParam("lgCode") String lgCode) {
        Municipality m = municipalities.require(lgCode);
        return Response.ok(MunicipalityView.of(m)).tag(Versions.tag(m.getVersion())).build();
    }

    @PUT
    @Access(minimum = Role.PLATFORM_ADMIN)
    @Path("{lgCode}")
    @Transactional
    @Operation(summary = "Change a municipality's names (If-Match required)")
    @Answers(MunicipalityView.class)
    public Response update(@PathParam("lgCode") String lgCode, @Valid MunicipalityNames body) {
        Bodies.require(body);
        Municipality m = municipalities.require(lgCode);
        Versions.requireMatch(request, headers, m.getVersion());
        municipalities.rename(m, body.nameJa.strip(), body.nameKana.strip(), body.nameEn.strip());
        return Response.ok(MunicipalityView.of(m)).tag(Versions.tag(m.getVersion())).build();
    }
}
