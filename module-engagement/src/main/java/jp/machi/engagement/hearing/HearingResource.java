package jp.machi.engagement.hearing;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import jp.machi.core.api.Answers;
import jp.machi.core.api.Problems;
import jp.machi.core.identity.Access;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code …/engagement/hearing}: the offers of the portal's 市民の声 section, in order (anyone; no personal data). */
@Path("municipalities/{lgCode}/engagement/hearing")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "engagement")
public class HearingResource {

    @Inject
    @Any
    Instance<HearingEntry> entries;

    @Context
    HttpHeaders headers;

    /** One offer in the caller's language. */
    @JsonbPropertyOrder({"id", "title", "description", "page", "anchor", "count", "countLabel"})
    public record OfferView(String id, String title, String description, String page, String anchor, Long count,
            String countLabel) {
    }

    @GET
    @Access(Access.Level.PUBLIC)
    @Transactional
    @Operation(summary = "What the portal's 市民の声 section offers (the voice form, open public comments, results …),"
            + " in order, with counts (anyone)")
    @Answers(value = OfferView.class, list = true)
    public List<OfferView> offers() {
        Locale l = Problems.locale(headers);
        List<HearingEntry> sorted = new ArrayList<>();
        entries.forEach(sorted::add);
        sorted.sort(Comparator.comparingInt(HearingEntry::order));
        List<OfferView> views = new ArrayList<>();
        for (HearingEntry e : sorted) {
            for (HearingEntry.Offer o : e.offers()) {
                views.add(new OfferView(o.id(), o.title().in(l), o.description().in(l), o.page(), o.anchor(), o.count(),
                        o.countLabel() == null ? null : o.countLabel().in(l)));
            }
        }
        return views;
    }
}
