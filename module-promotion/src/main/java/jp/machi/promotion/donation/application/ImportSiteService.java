package jp.machi.promotion.donation.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Sort;
import jp.machi.core.persistence.ListQuery;
import jp.machi.core.persistence.Tenancy;
import jp.machi.promotion.donation.domain.ImportSite;

/** ポータルサイト: the portal sites whose donation exports the municipality imports, with their column mappings. */
@ApplicationScoped
@Transactional
public class ImportSiteService {

    @Inject
    Tenancy tenancy;

    public static final Sort.Fields SORT = Sort.Fields.of()
            .field("name", "s.name")
            .byDefault("name");

    public ListQuery<ImportSite> list(Sort sort) {
        return ListQuery.of(tenancy.em(), ImportSite.class, "s").orderBy(sort);
    }

    public ImportSite require(UUID id) {
        ImportSite s = tenancy.em().find(ImportSite.class, id);
        if (s == null) {
            throw ApiException.notFound("promotion.importSite.notFound", id.toString());
        }
        return s;
    }

    public ImportSite create(ImportSite.Content c) {
        unique(c.name(), null);
        ImportSite s = new ImportSite(c);
        tenancy.em().persist(s);
        tenancy.em().flush();
        return s;
    }

    public ImportSite revise(ImportSite s, ImportSite.Content c) {
        unique(c.name(), s.getId());
        s.revise(c);
        tenancy.em().flush();
        return s;
    }

    /** The donations imported from the site keep its name as their channel. */
    public void delete(ImportSite s) {
        tenancy.em().remove(s);
        tenancy.em().flush();
    }

    private void unique(String name, UUID self) {
        boolean taken = tenancy.em().createNamedQuery("ImportSite.byName", ImportSite.class).setParameter("name", name)
                .getResultList().stream().anyMatch(s -> !s.getId().equals(self));
        if (taken) {
            throw ApiException.conflict("duplicate", "promotion.importSite.exists", name);
        }
    }
}
