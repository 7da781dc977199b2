package jp.machi.engagement.voice.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.UUID;
import jp.machi.core.api.Answers;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.Role;
import jp.machi.core.municipality.application.MunicipalityService;
import jp.machi.core.persistence.Tenancy;
import jp.machi.core.personaldata.PersonalData;
import jp.machi.core.personaldata.PersonalDataDisclosure;
import jp.machi.engagement.voice.application.VoiceService;
import jp.machi.engagement.voice.domain.CitizenVoice;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/engagement/voices/{id}/answer-letter}: what a letter
 * answer prints — the resident's name and address (in full, on purpose: the letter goes to them;
 * staff only, recorded in the audit trail as a personal-data read), the municipality, the receipt
 * number, the subject and the approved answer. 409 while the answer is not approved.
 */
@Path("municipalities/{lgCode}/engagement/voices/{id}/answer-letter")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "engagement")
public class VoiceLetterResource {

    @Inject
    VoiceService voices;

    @Inject
    PersonalDataDisclosure disclosure;

    @Inject
    MunicipalityService municipalities;

    @Inject
    Tenancy tenancy;

    @PathParam("id")
    UUID id;

    @JsonbPropertyOrder({"municipalityName", "issuedOn", "senderName", "senderAddress", "receiptNumber", "receivedOn",
        "subject", "answer", "answeredOn", "unitName"})
    public record LetterView(String municipalityName, LocalDate issuedOn,
            @PersonalData(PersonalData.Kind.NAME) String senderName,
            @PersonalData(PersonalData.Kind.ADDRESS) String senderAddress,
            String receiptNumber, LocalDate receivedOn, String subject, String answer, LocalDate answeredOn,
            String unitName) {
    }

    @GET
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "The letter answer to print: the resident's name and address in full (staff; recorded in"
            + " the audit trail), the municipality, receipt number, subject and approved answer (409 before approval)")
    @Answers(LetterView.class)
    public LetterView get() {
        CitizenVoice v = voices.require(id);
        voices.requireAnswerSendable(v);
        disclosure.reveal(CitizenVoice.class, v.getId(), java.util.List.of("senderName", "senderAddress"));
        return new LetterView(municipalities.require(tenancy.code()).getNameJa(), VoiceService.today(),
                v.getSenderName(), v.getSenderAddress(), v.getReceiptNumber(),
                v.getReceivedAt().atZoneSameInstant(VoiceService.JAPAN).toLocalDate(), v.getSubject(), v.getAnswer(),
                v.getAnsweredAt() == null ? null : v.getAnsweredAt().atZoneSameInstant(VoiceService.JAPAN).toLocalDate(),
                voices.unitName(v.getUnitId()).orElse(null));
    }
}
