package jp.machi.core.municipality.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.LocalGovernmentCodes;
import jp.machi.core.api.Sort;
import jp.machi.core.municipality.domain.LocalGovernmentCode;
import jp.machi.core.municipality.domain.Municipality;
import jp.machi.core.persistence.ListQuery;
import jp.machi.core.persistence.Tenancy;

/** Registering and finding municipalities. */
@ApplicationScoped
@Transactional
public class MunicipalityService {

    @Inject
    Tenancy tenancy;

    public Optional<Municipality> find(String code) {
        return tenancy.platform().createNamedQuery("Municipality.byCode", Municipality.class)
                .setParameter("code", code).getResultStream().findFirst();
    }

    /** The municipality with this code: 400 for a malformed code, 404 for an unknown one. */
    public Municipality require(String code) {
        LocalGovernmentCode valid = LocalGovernmentCodes.parse(code);
        return find(valid.value()).orElseThrow(() -> ApiException.notFound("municipality.notFound", valid.value()));
    }

    /** The fields a list of municipalities may be sorted by ({@code ?sort=}); by code by default. */
    public static final Sort.Fields SORT = Sort.Fields.of()
            .field("code", "m.code")
            .field("nameJa", "m.nameJa")
            .field("nameKana", "m.nameKana")
            .field("nameEn", "m.nameEn")
            .byDefault("code");

    /** All municipalities, or only the one with {@code onlyCode}, as a query run in the database. */
    public ListQuery<Municipality> list(String onlyCode, Sort sort) {
        return ListQuery.of(tenancy.platform(), Municipality.class, "m").where("m.code = :code", "code", onlyCode)
                .orderBy(sort);
    }

    public List<Municipality> all() {
        return tenancy.platform().createNamedQuery("Municipality.all", Municipality.class).getResultList();
    }

    public boolean isEmpty() {
        return tenancy.platform().createNamedQuery("Municipality.count", Long.class).getSingleResult() == 0L;
    }

    public Municipality register(LocalGovernmentCode code, String nameJa, String nameKana, String nameEn) {
        if (find(code.value()).isPresent()) {
            throw ApiException.conflict("municipality-exists", "municipality.exists", code.value());
        }
        Municipality m = new Municipality(code, nameJa, nameKana, nameEn);
        tenancy.platform().persist(m);
        tenancy.platform().flush();
        return m;
    }

    public void rename(Municipality m, String nameJa, String nameKana, String nameEn) {
        m.rename(nameJa, nameKana, nameEn);
        tenancy.platform().flush();
    }
}
