package jp.machi.promotion.migration.interfaces.rest;

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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
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
import jp.machi.core.identity.Role;
import jp.machi.core.persistence.Exports;
import jp.machi.core.persistence.ListQuery;
import jp.machi.promotion.interfaces.rest.PromotionParams;
import jp.machi.promotion.migration.application.MigrationService;
import jp.machi.promotion.migration.domain.SupportedMigration;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/promotion/supported-migrations}: 行政のサポートによる移住 (households
 * and persons who moved in with the municipality's support). No names are kept; lists page, sort
 * and filter in the database; {@code /totals} gives the figures per fiscal year that the metrics use.
 */
@Path("municipalities/{lgCode}/promotion/supported-migrations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "promotion")
public class SupportedMigrationResource {

    @Inject
    MigrationService migration;

    @Inject
    Exports exports;

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    @Context
    UriInfo uri;

    @JsonbPropertyOrder({"id", "movedInOn", "fiscalYear", "households", "persons", "supportUsed", "movedFrom", "consultationId",
        "note"})
    public record MigrationView(UUID id, LocalDate movedInOn, FiscalYear fiscalYear, int households, int persons,
            String supportUsed, String movedFrom, UUID consultationId, String note) {
    }

    static MigrationView view(SupportedMigration m) {
        return new MigrationView(m.getId(), m.getMovedInOn(), FiscalYear.of(m.getFiscalYear()), m.getHouseholds(), m.getPersons(),
                m.getSupportUsed(), m.getMovedFrom(), m.getConsultationId(), m.getNote());
    }

    /** A supported migration as sent on create and update. */
    public static class MigrationInput {
        @NotBlank
        @Size(max = 10)
        public String movedInOn;

        @Min(1)
        @Max(99)
        public Integer households;

        @NotNull
        @Min(1)
        @Max(999)
        public Integer persons;

        @NotBlank
        @Size(max = 200)
        public String supportUsed;

        @Size(max = 100)
        public String movedFrom;

        public UUID consultationId;

        @Size(max = 1000)
        public String note;

        SupportedMigration.Content content() {
            List<ApiException.FieldErrorKey> errors = new ArrayList<>();
            LocalDate day = PromotionParams.date("movedInOn", movedInOn, errors);
            PromotionParams.throwIfAny(errors);
            return new SupportedMigration.Content(day, households == null ? 1 : households, persons, supportUsed.strip(),
                    PromotionParams.blank(movedFrom), consultationId, PromotionParams.blank(note));
        }
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Transactional
    @Operation(summary = "List supported migrations, newest first (?fiscalYear=R6|2024, ?from=&to= dates; ?sort= movedInOn,"
            + " persons; paged in the database; CSV with ?format=csv or Accept: text/csv, streamed)")
    @Answers(value = MigrationView.class, page = true)
    public Response list(@BeanParam PageRequest paging, @QueryParam("format") String format,
            @QueryParam("fiscalYear") String fiscalYear, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("sort") String sort) {
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        Integer fy = PromotionParams.fiscalYear("fiscalYear", fiscalYear, errors);
        LocalDate f = PromotionParams.date("from", from, errors);
        LocalDate t = PromotionParams.date("to", to, errors);
        PromotionParams.throwIfAny(errors);
        boolean csv = Csv.requested(format, headers);
        if (!csv) {
            paging.offset();
        }
        ListQuery<SupportedMigration> found = migration.migrations(fy, f, t, MigrationService.MIGRATION_SORT.parse(sort));
        if (csv) {
            Locale l = Problems.locale(headers);
            return Csv.stream("supported-migrations.csv",
                    List.of("movedInOn", "fiscalYear", "households", "persons", "supportUsed", "movedFrom", "note").stream()
                            .map(k -> Messages.get(l, "promotion.csv.migration." + k)).toList(),
                    exports.of(found, SupportedMigrationResource::view), v -> Arrays.asList(v.movedInOn(), v.fiscalYear().label(l),
                            v.households(), v.persons(), v.supportUsed(), v.movedFrom(), v.note()));
        }
        return Response.ok(found.page(paging).map(SupportedMigrationResource::view)).build();
    }

    @JsonbPropertyOrder({"fiscalYear", "consultations", "households", "persons"})
    public record YearTotals(FiscalYear fiscalYear, long consultations, long households, long persons) {
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Path("totals")
    @Transactional
    @Operation(summary = "Consultations, households and persons of one fiscal year (?fiscalYear=R6|2024; this one when left out), counted in the database")
    @Answers(YearTotals.class)
    public YearTotals totals(@QueryParam("fiscalYear") String fiscalYear) {
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        Integer given = PromotionParams.fiscalYear("fiscalYear", fiscalYear, errors);
        PromotionParams.throwIfAny(errors);
        int fy = given != null ? given : FiscalYear.containing(MigrationService.today()).startYear();
        long[] t = migration.migrationTotals(fy);
        return new YearTotals(FiscalYear.of(fy), migration.consultationCount(fy), t[0], t[1]);
    }

    @POST
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Record a supported migration (persons at least households; the consultation, if any, of this municipality)")
    @Answers(value = MigrationView.class, status = 201)
    public Response create(@Valid MigrationInput body) {
        Bodies.require(body);
        SupportedMigration m = migration.create(body.content());
        return Response.created(uri.getAbsolutePathBuilder().path(m.getId().toString()).build())
                .tag(Versions.tag(m.getVersion())).entity(view(m)).build();
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Path("{id}")
    @Transactional
    @Operation(summary = "One supported migration")
    @Answers(MigrationView.class)
    public Response get(@PathParam("id") UUID id) {
        SupportedMigration m = migration.migration(id);
        return Response.ok(view(m)).tag(Versions.tag(m.getVersion())).build();
    }

    @PUT
    @Access(minimum = Role.STAFF)
    @Path("{id}")
    @Transactional
    @Operation(summary = "Revise a supported migration (If-Match required)")
    @Answers(MigrationView.class)
    public Response update(@PathParam("id") UUID id, @Valid MigrationInput body) {
        Bodies.require(body);
        SupportedMigration m = migration.migration(id);
        Versions.requireMatch(request, headers, m.getVersion());
        migration.revise(m, body.content());
        return Response.ok(view(m)).tag(Versions.tag(m.getVersion())).build();
    }

    @DELETE
    @Access(minimum = Role.STAFF)
    @Path("{id}")
    @Transactional
    @Operation(summary = "Delete a supported migration (If-Match required)")
    @Answers(status = 204)
    public Response delete(@PathParam("id") UUID id) {
        SupportedMigration m = migration.migration(id);
        Versions.requireMatch(request, headers, m.getVersion());
        migration.delete(m);
        return Response.noContent().build();
    }
}
