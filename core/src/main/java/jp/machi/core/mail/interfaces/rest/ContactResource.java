package jp.machi.core.mail.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import jp.machi.core.api.Answers;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Bodies;
import jp.machi.core.api.Versions;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.Role;
import jp.machi.core.mail.application.Contacts;
import jp.machi.core.mail.domain.MunicipalityContact;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/contact}: the office residents contact (問い合わせ先),
 * printed at the foot of every e-mail. Read by anyone of the municipality, set by its administrator
 * with If-Match ({@code "0"} before it was ever set).
 */
@Path("municipalities/{lgCode}/contact")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "mail", description = "メール送信 / e-mail outbox")
public class ContactResource {

    @Inject
    Contacts contacts;

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    @JsonbPropertyOrder({"office", "phone", "email"})
    public record ContactView(String office, String phone, String email) {
    }

    /** The contact as set; every part optional. */
    public static class ContactInput {
        @Size(max = 200)
        public String office;

        @Size(max = 40)
        public String phone;

        @Size(max = 254)
        public String email;
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Transactional
    @Operation(summary = "The municipality's contact for residents (office, phone, e-mail)")
    @Answers(ContactView.class)
    public Response get() {
        return contacts.find().map(c -> Response.ok(view(c)).tag(Versions.tag(c.getVersion())).build())
                .orElseGet(() -> Response.ok(new ContactView(null, null, null)).tag(Versions.tag(0)).build());
    }

    @PUT
    @Access(minimum = Role.MUNICIPALITY_ADMIN)
    @Transactional
    @Operation(summary = "Set the municipality's contact for residents (If-Match required)")
    @Answers(ContactView.class)
    public Response put(@Valid ContactInput body) {
        Bodies.require(body);
        MunicipalityContact current = contacts.find().orElse(null);
        Versions.requireMatch(request, headers, current == null ? 0 : current.getVersion());
        String email = blankToNull(body.email);
        String phone = blankToNull(body.phone);
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        if (email != null && !email.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")) {
            errors.add(new ApiException.FieldErrorKey("email", "mail.contact.emailMalformed"));
        }
        if (phone != null && !phone.matches("[0-9０-９\\-－ー()（）+＋ 　]{6,40}")) {
            errors.add(new ApiException.FieldErrorKey("phone", "mail.contact.phoneMalformed"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        MunicipalityContact c = contacts.set(blankToNull(body.office), phone, email);
        return Response.ok(view(c)).tag(Versions.tag(c.getVersion())).build();
    }

    private static ContactView view(MunicipalityContact c) {
        return new ContactView(c.getOffice(), c.getPhone(), c.getEmail());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
