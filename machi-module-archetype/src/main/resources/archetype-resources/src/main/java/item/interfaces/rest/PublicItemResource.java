package ${package}.item.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import ${package}.item.application.ItemService;
import ${package}.item.domain.Item;
import jp.machi.core.api.Answers;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Bodies;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.identity.Access;
import jp.machi.core.intake.PublicIntake;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/${moduleId}/public}: what anyone may do without signing in. The portal's
 * summary (figures only, never an item's note) and {@code POST submissions}, an item sent by a resident through
 * core's public intake: a receipt number, the {@code Idempotency-Key} header (a retry gives the first answer), the
 * municipality's rate limit (429) and a honeypot field. The answer is the receipt only: nothing the resident sent
 * is echoed, least of all the contact.
 */
@Path("municipalities/{lgCode}/${moduleId}/public")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "${moduleId}")
public class PublicItemResource {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    @Inject
    ItemService items;

    @Inject
    PublicIntake intake;

    @Context
    HttpHeaders headers;

    @JsonbPropertyOrder({"fiscalYear", "items"})
    public record Summary(FiscalYear fiscalYear, long items) {
    }

    /** What a resident sends; every field bounded by its column. */
    public static class Submission {
        @NotBlank
        @Size(max = Item.TITLE_MAX)
        public String title;

        @Size(max = Item.NOTE_MAX)
        public String note;

        @NotBlank
        @Size(max = Item.CONTACT_MAX)
        public String contactEmail;

        /** The honeypot: hidden from people in the portal's form; filled (by a bot), the item is filed as spam. */
        @Size(max = 300)
        public String website;
    }

    /** What the resident gets back: the receipt, nothing of what they sent. */
    @JsonbPropertyOrder({"receiptNumber", "receivedOn"})
    public record Receipt(String receiptNumber, LocalDate receivedOn) {
    }

    @GET
    @Path("summary")
    @Access(Access.Level.PUBLIC)
    @Transactional
    @Operation(summary = "How many accepted items a fiscal year has (?fiscalYear=, this year by default); public")
    @Answers(Summary.class)
    public Summary summary(@QueryParam("fiscalYear") String fiscalYear) {
        FiscalYear fy = fiscalYear == null || fiscalYear.isBlank()
                ? FiscalYear.containing(LocalDate.now(JAPAN)) : FiscalYear.parse(fiscalYear);
        return new Summary(fy, items.countIn(fy));
    }

    @POST
    @Path("submissions")
    @Access(Access.Level.PUBLIC)
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Send an item from the portal (anyone): 201 with a receipt number only. Idempotency-Key header:"
            + " a retry gives the first answer; over the municipality's rate limit 429")
    @Answers(value = Receipt.class, status = 201)
    public Response submit(@Valid Submission body) {
        Bodies.require(body);
        String email = body.contactEmail.strip();
        if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw ApiException.invalid(List.of(new ApiException.FieldErrorKey("contactEmail", "${moduleId}.contact.malformed")));
        }
        // Validate everything first: core numbers and stores only what will be accepted.
        return intake.accept(headers, ItemService.SERIES, body, body.website, in -> {
            Item i = items.submit(in, body.title, body.note, email);
            return new Receipt(i.getReceiptNumber(), i.getReceivedAt().atZoneSameInstant(JAPAN).toLocalDate());
        });
    }
}
