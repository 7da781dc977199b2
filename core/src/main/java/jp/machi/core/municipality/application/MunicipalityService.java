package jp.machi.core.municipality.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.LocalGovernmentCodes;
import jp.machi.core.municipality.domain.LocalGovernmentCode;
import jp.machi.core.municipality.domain.Municipality;
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
