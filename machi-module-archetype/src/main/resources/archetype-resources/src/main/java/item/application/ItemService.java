package ${package}.item.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;
import ${package}.${className}Module;
import ${package}.item.domain.Item;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Sort;
import jp.machi.core.fiscalyear.FiscalYear;
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
            .byDefault("-fiscalYear");

    @Inject
    Tenancy tenancy;

    @Inject
    ModuleSettings settings;

    /** The items, of fiscal year {@code fy} when given, with {@code q} in their title when given: a query the database pages. */
    public ListQuery<Item> list(FiscalYear fy, String q, Sort sort) {
        return ListQuery.of(tenancy.em(), Item.class, "i")
                .when(fy != null, "i.fiscalYear = :fy", "fy", fy)
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

    public Item revise(Item i, Item.Content c) {
        i.revise(c);
        tenancy.em().flush();
        return i;
    }

    public void delete(Item i) {
        tenancy.em().remove(i);
        tenancy.em().flush();
    }

    /** How many items fiscal year {@code fy} has (the metric, the portal's summary). */
    public long countIn(FiscalYear fy) {
        return ListQuery.of(tenancy.em(), Item.class, "i").where("i.fiscalYear = :fy", "fy", fy).count();
    }
}
