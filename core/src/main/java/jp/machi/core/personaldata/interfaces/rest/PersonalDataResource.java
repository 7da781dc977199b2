package jp.machi.core.personaldata.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.machi.core.api.Answers;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Bodies;
import jp.machi.core.api.Csv;
import jp.machi.core.api.Problems;
import jp.machi.core.api.Versions;
import jp.machi.core.i18n.Messages;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.Role;
import jp.machi.core.persistence.CurrentMunicipality;
import jp.machi.core.personaldata.ResidentQuery;
import jp.machi.core.personaldata.ResidentRecord;
import jp.machi.core.personaldata.application.ResidentDataService;
import jp.machi.core.personaldata.domain.PersonalDataSettings;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/personal-data}: residents' data requests (個人情報の開示・消去)
 * for the municipality's administrators: the retention period, an export of everything held about
 * one resident, and the anonymisation of what is past the retention period.
 */
@Path("municipalities/{lgCode}/personal-data")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "personal-data", description = "個人情報 / Personal data")
public class PersonalDataResource {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    @Inject
    ResidentDataService residents;

    @Inject
    CurrentMunicipality municipality;

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    /** The personal-data settings of a municipality. */
    @JsonbPropertyOrder({"retentionYears", "defaultRetentionYears"})
    public record SettingsView(int retentionYears, int defaultRetentionYears) {
    }

    /** The settings as sent. */
    public static class SettingsInput {
        @NotNull
        @Min(0)
        @Max(PersonalDataSettings.MAX_RETENTION_YEARS)
        public Integer retentionYears;
    }

    /** Who a resident data export is about: an e-mail address, a telephone number, or both. */
    public static class ResidentInput {
        @Size(max = 254)
        public String email;

        @Size(max = 40)
        public String phone;
    }

    /** Everything held about one resident. */
    @JsonbPropertyOrder({"municipalityCode", "generatedAt", "email", "phone", "totalRecords", "records"})
    public record ResidentExport(String municipalityCode, OffsetDateTime generatedAt, String email, String phone,
            int totalRecords, List<ResidentRecord> records) {
    }

    /** What an anonymisation run did. */
    @JsonbPropertyOrder({"retentionYears", "closedBefore", "anonymised", "total"})
    public record AnonymisationView(int retentionYears, OffsetDateTime closedBefore, Map<String, Integer> anonymised,
            int total) {
        static AnonymisationView of(ResidentDataService.Anonymisation a) {
            return new AnonymisationView(a.retentionYears(), a.closedBefore().atZoneSameInstant(JAPAN).toOffsetDateTime(),
                    a.anonymised(), a.total());
        }
    }

    @GET
    @Path("settings")
    @Access(minimum = Role.MUNICIPALITY_ADMIN)
    @Transactional
    @Operation(summary = "The retention period of residents' personal data (years after a record is closed)")
    @Answers(SettingsView.class)
    public Response settings() {
        long version = residents.settings().map(PersonalDataSettings::getVersion).orElse(0L);
        return Response.ok(new SettingsView(residents.retentionYears(), PersonalDataSettings.DEFAULT_RETENTION_YEARS))
                .tag(Versions.tag(version)).build();
    }

    @PUT
    @Path("settings")
    @Access(minimum = Role.MUNICIPALITY_ADMIN)
    @Transactional
    @Operation(summary = "Set the retention period (If-Match required; 0 anonymises closed records at the next run)")
    @Answers(SettingsView.class)
    public Response updateSettings(@Valid SettingsInput body) {
        Bodies.require(body);
        long version = residents.settings().map(PersonalDataSettings::getVersion).orElse(0L);
        Versions.requireMatch(request, headers, version);
        PersonalDataSettings s = residents.setRetentionYears(body.retentionYears);
        return Response.ok(new SettingsView(s.getRetentionYears(), PersonalDataSettings.DEFAULT_RETENTION_YEARS))
                .tag(Versions.tag(s.getVersion())).build();
    }

    @POST
    @Path("resident-exports")
    @Access(minimum = Role.MUNICIPALITY_ADMIN)
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Transactional
    @Operation(summary = "Export everything held about one resident, found by e-mail and/or telephone (JSON, or CSV"
            + " with ?format=csv); every record read is recorded in the audit trail")
    @Answers(ResidentExport.class)
    public Response export(@Valid ResidentInput body, @QueryParam("format") String format) {
        Bodies.require(body);
        boolean csv = Csv.requested(format, headers);
        ResidentQuery q = query(body);
        List<ResidentRecord> found = residents.export(q);
        if (csv) {
            Locale l = Problems.locale(headers);
            List<List<Object>> rows = new ArrayList<>();
            for (ResidentRecord r : found) {
                String at = r.recordedAt() == null ? null : r.recordedAt().atZoneSameInstant(JAPAN).toOffsetDateTime().toString();
                r.data().forEach((field, value) -> rows.add(java.util.Arrays.asList(r.sourceLabel(), r.entityType(),
                        r.entityId(), at, field, value == null ? null : String.valueOf(value))));
            }
            return Csv.response("resident-data-" + municipality.code() + ".csv",
                    List.of("source", "entityType", "entityId", "recordedAt", "field", "value").stream()
                            .map(k -> Messages.get(l, "csv.residentData." + k)).toList(),
                    rows, r -> r);
        }
        return Response.ok(new ResidentExport(municipality.code(), OffsetDateTime.now(ZoneOffset.UTC)
                .atZoneSameInstant(JAPAN).toOffsetDateTime(), q.email(), q.phoneDigits(), found.size(), found)).build();
    }

    @POST
    @Path("anonymisations")
    @Access(minimum = Role.MUNICIPALITY_ADMIN)
    @Transactional
    @Operation(summary = "Anonymise now the residents' personal data past the retention period (also done every"
            + " night); records stay, their personal fields are replaced")
    @Answers(AnonymisationView.class)
    public AnonymisationView anonymise() {
        return AnonymisationView.of(residents.anonymiseExpired());
    }

    static ResidentQuery query(ResidentInput body) {
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        String email = ResidentQuery.email(body.email);
        String phone = ResidentQuery.phoneDigits(body.phone);
        if (email != null && !EMAIL.matcher(email).matches()) {
            errors.add(new ApiException.FieldErrorKey("email", "personalData.email.malformed", body.email));
        }
        if (body.phone != null && !body.phone.isBlank() && (phone == null || phone.length() < 6 || phone.length() > 15)) {
            errors.add(new ApiException.FieldErrorKey("phone", "personalData.phone.malformed", body.phone));
        }
        if (email == null && (body.phone == null || body.phone.isBlank())) {
            errors.add(new ApiException.FieldErrorKey("email", "personalData.resident.required"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new ResidentQuery(email, phone);
    }
}
