package ${package}.item.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.personaldata.EntityResidentData;
import jp.machi.core.personaldata.Retention;
import ${package}.item.domain.Item;
import ${package}.item.domain.ItemState;

/**
 * Items in core's residents' data requests (README "Personal data"): an administrator's export by e-mail finds
 * the items a resident sent from the portal, with their contact; core's retention job removes the contact of
 * items decided (or filed as spam) and received longer ago than the municipality's retention period. Core finds
 * this class by its type (a ResidentDataProvider); the module declares nothing else.
 */
@ApplicationScoped
public class ItemResidentData extends EntityResidentData<Item> {

    public static final String SOURCE = "${moduleId}.items";

    public ItemResidentData() {
        super(SOURCE, LocalizedText.of("${nameJa}", "${nameEn}"), Item.class, Lookup.byEmail("${className}Item.byEmail"));
    }

    @Override
    protected OffsetDateTime recordedAt(Item i) {
        return i.getReceivedAt();
    }

    @Override
    protected void data(Item i, Map<String, Object> data) {
        data.put("receiptNumber", i.getReceiptNumber());
        data.put("fiscalYear", i.getFiscalYear().startYear());
        data.put("title", i.getTitle());
        data.put("note", i.getNote());
        data.put("state", i.getState().name());
        data.put("contactEmail", i.getContactEmail());
    }

    @Override
    protected List<Item> expired(Retention retention) {
        return query("${className}Item.expired").setParameter("closedBefore", retention.closedBefore())
                .setParameter("open", ItemState.SUBMITTED).getResultList();
    }
}
