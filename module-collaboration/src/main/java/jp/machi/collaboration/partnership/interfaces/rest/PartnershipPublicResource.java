package jp.machi.collaboration.partnership.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import jp.machi.collaboration.partnership.application.PartnershipService;
import jp.machi.core.api.Answers;
import jp.machi.core.api.Page;
import jp.machi.core.api.PageRequest;
import jp.machi.core.api.Problems;
import jp.machi.core.identity.Access;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code …/collaboration/partnerships/public}: the municipality's partnership agreements for its
 * portal — party, kind, dates, fields and the number of activities; no note, no personal data.
 */
@Path("municipalities/{lgCode}/collaboration/partnerships/public")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "collaboration")
public class PartnershipPublicResource {

    @Inject
    PartnershipService partnerships;

    @Context
    HttpHeaders headers;

    @JsonbPropertyOrder({"title", "partnerName", "kind", "kindLabel", "concludedOn", "endsOn", "fields", "activityCount"})
    public record PublicAgreement(String title, String partnerName, String kind, String kindLabel, LocalDate concludedOn,
            LocalDate endsOn, List<String> fields, int activityCount) {
    }

    @GET
    @Access(Access.Level.PUBLIC)
    @Transactional
    @Operation(summary = "The municipality's partnership agreements for the portal (public; newest first; paged)")
    @Answers(value = PublicAgreement.class, page = true)
    public Page<PublicAgreement> list(@BeanParam PageRequest paging) {
        paging.offset();
        Locale l = Problems.locale(headers);
        return partnerships.list(new PartnershipService.Filter(null, false, null, null), PartnershipService.SORT.parse(null))
                .page(paging).map(p -> new PublicAgreement(p.getTitle(), p.getPartnerName(), p.getKind().name(),
                        p.getKind().label(l), p.getConcludedOn(), p.getEndsOn(), p.getFields(), p.getActivities().size()));
    }
}
