package ${package}.item.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;
import ${package}.${className}Module;
import ${package}.item.domain.Item;
import ${package}.item.domain.ItemState;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Sort;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.intake.Intake;
import jp.machi.core.intake.IntakeSeries;
import jp.machi.core.module.ModuleSettings;
import jp.machi.core.persistence.ListQuery;
import jp.machi.core.persistence.Tenancy;

/** The items of the municipality a request or transaction is about (core's Tenancy binds it). */
@ApplicationScoped
@Transactional
public class ItemService {

    /** The fields a list may be sorted by ({@code ?sort=title,-fiscalYear}); by fiscal year, newest first, by default. */
    public static final Sort.Fields SORT = Sort.Fields.of()
            .field("fiscalYear", "i.fiscalYear")
            .field("title", "i.title")
            .field("receiptNumber", "i.receiptNumber")
            .byDefault("-fiscalYear");

    /**
     * The receipt numbers of items sent from the portal (core's public intake): ${className.substring(0,1)}-R8-000123. The series
     * id is the module's id (it fits the counter's 40 characters whatever the id); pick a letter unlike the other
     * modules' (V voices, P partners …).
     */
    public static final IntakeSeries SERIES = new IntakeSeries(${className}Module.ID, "${className.substring(0,1)}");

    @Inject
    Tenancy tenancy;

    @Inject
    ModuleSettings settings;

    /**
     * The items, of fiscal year {@code fy}, in {@code state}, with {@code q} in their title, each when given: a query
     * the database pages.
     */
    public ListQuery<Item> list(FiscalYear fy, ItemState state, String q, Sort sort) {
        return ListQuery.of(tenancy.em(), Item.class, "i")
                .when(fy != null, "i.fiscalYear = :fy", "fy", fy)
                .where("i.state = :state", "state", state)
                .contains("q", q, "i.title")
                .orderBy(sort);
    }

    public Item require(UUID id) {
        Item i = tenancy.em().find(Item.class, id);
        if (i == null) {
            throw ApiException.notFound("${moduleId}.item.notFound", id.toString());
        }
        return i;
    }

    public Item create(Item.Content c) {
        long max = settings.integer(tenancy.code(), ${className}Module.ID, ${className}Module.MAX_ITEMS_PER_YEAR);
        if (countIn(c.fiscalYear()) >= max) {
            throw ApiException.conflict("too-many-items", "${moduleId}.item.tooMany", max, c.fiscalYear().japaneseLabel());
        }
        Item i = new Item(c);
        tenancy.em().persist(i);
        tenancy.em().flush();
        return i;
    }

    /**
     * An item sent from the portal, as core's public intake hands it over ({@code in}: its receipt number and
     * fiscal year, and whether the honeypot caught it): waiting for review. Not counted against the yearly limit
     * until accepted.
     */
    public Item submit(Intake in, String title, String note, String contactEmail) {
        Item i = Item.submitted(new Item.Content(in.fiscalYear(), title, note), in, contactEmail);
        tenancy.em().persist(i);
        tenancy.em().flush();
        return i;
    }

    public Item revise(Item i, Item.Content c) {
        i.revise(c);
        tenancy.em().flush();
        return i;
    }

    public void delete(Item i) {
        tenancy.em().remove(i);
        tenancy.em().flush();
    }

    /** How many accepted items fiscal year {@code fy} has (the limit, the metric, the portal's summary). */
    public long countIn(FiscalYear fy) {
        return ListQuery.of(tenancy.em(), Item.class, "i")
                .always("i.fiscalYear = :fy AND i.state = :accepted", "fy", fy, "accepted", ItemState.ACCEPTED).count();
    }

    /** Writes what changed now (the workflow's state, the version), so the answer carries the new ETag. */
    public void flush() {
        tenancy.em().flush();
    }
}
