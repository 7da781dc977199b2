package jp.machi.promotion.donation.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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
import java.text.Normalizer;
import java.time.OffsetDateTime;
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
import jp.machi.core.i18n.Messages;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.Role;
import jp.machi.core.persistence.Exports;
import jp.machi.core.persistence.ListQuery;
import jp.machi.core.personaldata.PersonalData;
import jp.machi.core.personaldata.PersonalDataDisclosure;
import jp.machi.core.personaldata.ResidentQuery;
import jp.machi.promotion.donation.application.DonorService;
import jp.machi.promotion.donation.domain.Donor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/promotion/donors}: 寄附者. Every identifying field is
 * {@link PersonalData}: masked in lists, CSV and ordinary reads; shown in full only with
 * {@code ?reveal=personal-data} (staff and above, recorded in the audit trail).
 */
@Path("municipalities/{lgCode}/promotion/donors")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "promotion")
public class DonorResource {


    static final java.util.regex.Pattern KANA = java.util.regex.Pattern.compile("[\\p{IsKatakana}\\p{IsHiragana}ー・\\s　]+");
    static final java.util.regex.Pattern POSTAL = java.util.regex.Pattern.compile("[0-9]{3}-?[0-9]{4}");
    static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    @Inject
    DonorService donors;

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

    @JsonbPropertyOrder({"id", "name", "nameKana", "postalCode", "address", "phone", "email", "donations", "createdAt",
        "anonymisedAt"})
    public record DonorView(UUID id,
            @PersonalData(PersonalData.Kind.NAME) String name,
            @PersonalData(PersonalData.Kind.NAME) String nameKana,
            @PersonalData(PersonalData.Kind.ADDRESS) String postalCode,
            @PersonalData(PersonalData.Kind.ADDRESS) String address,
            @PersonalData(PersonalData.Kind.PHONE) String phone,
            @PersonalData(PersonalData.Kind.EMAIL) String email,
            long donations, OffsetDateTime createdAt, OffsetDateTime anonymisedAt) {
    }

    DonorView view(Donor d) {
        return view(d, donors.donations(d.getId()));
    }

    DonorView view(Donor d, long donationCount) {
        return new DonorView(d.getId(), d.getName(), d.getNameKana(), d.getPostalCode(), d.getAddress(), d.getPhone(),
                d.getEmail(), donationCount, d.getCreatedAt(), d.getAnonymisedAt());
    }

    /** Views of a page or chunk of donors, their donation counts read in one query (not one per donor). */
    List<DonorView> views(List<Donor> page) {
        java.util.Map<UUID, Long> counts = donors.donations(page.stream().map(Donor::getId).toList());
        return page.stream().map(d -> view(d, counts.getOrDefault(d.getId(), 0L))).toList();
    }

    /** A donor as sent on create and update. */
    public static class DonorInput {
        @NotBlank
        @Size(max = 100)
        public String name;

        @Size(max = 100)
        public String nameKana;

        @Size(max = 8)
        public String postalCode;

        @Size(max = 300)
        public String address;

        @Size(max = 40)
        public String phone;

        @Size(max = 254)
        public String email;

        /** The forms a person can get wrong, field by field (ja/en), before anything is written. */
        Donor.Person person() {
            List<ApiException.FieldErrorKey> errors = new ArrayList<>();
            String kana = blank(nameKana);
            if (kana != null && !KANA.matcher(kana).matches()) {
                errors.add(new ApiException.FieldErrorKey("nameKana", "promotion.donor.kana"));
            }
            String postal = blank(postalCode);
            if (postal != null) {
                postal = Normalizer.normalize(postal, Normalizer.Form.NFKC).replace('ー', '-').replace('−', '-');
                if (!POSTAL.matcher(postal).matches()) {
                    errors.add(new ApiException.FieldErrorKey("postalCode", "promotion.donor.postalCode"));
                } else if (postal.length() == 7) {
                    postal = postal.substring(0, 3) + "-" + postal.substring(3);
                }
            }
            String tel = blank(phone);
            String digits = ResidentQuery.phoneDigits(tel);
            if (tel != null && (digits == null || digits.length() < 6 || digits.length() > 15)) {
                errors.add(new ApiException.FieldErrorKey("phone", "promotion.donor.phone"));
            }
            String mail = blank(email);
            if (mail != null && !EMAIL.matcher(mail).matches()) {
                errors.add(new ApiException.FieldErrorKey("email", "promotion.donor.email"));
            }
            if (!errors.isEmpty()) {
                throw ApiException.invalid(errors);
            }
            return new Donor.Person(name.strip(), kana, postal, blank(address), tel, mail);
        }

        private static String blank(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Transactional
    @Operation(summary = "List donors, newest first (personal data masked; ?anonymised=true|false; ?sort= createdAt; paged in the"
            + " database; CSV with ?format=csv or Accept: text/csv, streamed and masked)")
    @Answers(value = DonorView.class, page = true)
    public Response list(@BeanParam PageRequest paging, @QueryParam("format") String format,
            @QueryParam("anonymised") String anonymised, @QueryParam("sort") String sort) {
        Boolean a = Params.bool("anonymised", anonymised);
        boolean csv = Csv.requested(format, headers);
        if (!csv) {
            paging.offset();
        }
        ListQuery<Donor> found = donors.list(a, DonorService.SORT.parse(sort));
        if (csv) {
            Locale l = Problems.locale(headers);
            return Csv.stream("donors.csv",
                    List.of("name", "nameKana", "postalCode", "address", "phone", "email", "donations", "createdAt")
                            .stream().map(k -> Messages.get(l, "promotion.csv.donor." + k)).toList(),
                    exports.ofChunks(found, this::views), v -> Arrays.asList(v.name(), v.nameKana(), v.postalCode(), v.address(),
                            v.phone(), v.email(), v.donations(), v.createdAt().toLocalDate()));
        }
        jp.machi.core.api.Page<Donor> page = found.page(paging);
        return Response.ok(page.withItems(views(page.getItems()))).build();
    }

    @POST
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Register a donor (the answer masks what was sent, like every read without ?reveal)")
    @Answers(value = DonorView.class, status = 201)
    public Response create(@Valid DonorInput body) {
        Bodies.require(body);
        Donor d = donors.create(body.person());
        return Response.created(uri.getAbsolutePathBuilder().path(d.getId().toString()).build())
                .tag(Versions.tag(d.getVersion())).entity(view(d)).build();
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Path("{id}")
    @Transactional
    @Operation(summary = "One donor; ?reveal=personal-data shows the personal data in full (staff and above; recorded in the audit trail)")
    @Answers(DonorView.class)
    public Response get(@PathParam("id") UUID id, @QueryParam("reveal") String reveal) {
        boolean full = reveal(reveal);
        Donor d = donors.require(id);
        if (full) {
            disclosure.reveal(d, d.getId());
        }
        return Response.ok(view(d)).tag(Versions.tag(d.getVersion())).build();
    }

    static boolean reveal(String reveal) {
        return PersonalDataDisclosure.requested(reveal);
    }

    @PUT
    @Access(minimum = Role.STAFF)
    @Path("{id}")
    @Transactional
    @Operation(summary = "Revise a donor (If-Match required; send every field: a field left out is cleared)")
    @Answers(DonorView.class)
    public Response update(@PathParam("id") UUID id, @Valid DonorInput body) {
        Bodies.require(body);
        Donor d = donors.require(id);
        Versions.requireMatch(request, headers, d.getVersion());
        donors.revise(d, body.person());
        return Response.ok(view(d)).tag(Versions.tag(d.getVersion())).build();
    }

    @DELETE
    @Access(minimum = Role.STAFF)
    @Path("{id}")
    @Transactional
    @Operation(summary = "Delete a donor without donations (If-Match required; 409 while donations refer to them)")
    @Answers(status = 204)
    public Response delete(@PathParam("id") UUID id) {
        Donor d = donors.require(id);
        Versions.requireMatch(request, headers, d.getVersion());
        donors.delete(d);
        return Response.noContent().build();
    }
}
