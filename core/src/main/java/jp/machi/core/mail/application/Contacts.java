package jp.machi.core.mail.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import jp.machi.core.mail.domain.MunicipalityContact;
import jp.machi.core.persistence.Tenancy;

/** The municipality's contact (問い合わせ先), as the footer of its e-mail. */
@ApplicationScoped
@Transactional
public class Contacts {

    @Inject
    Tenancy tenancy;

    public Optional<MunicipalityContact> find() {
        return tenancy.em().createNamedQuery("MunicipalityContact.one", MunicipalityContact.class).setMaxResults(1)
                .getResultList().stream().findFirst();
    }

    /** Sets the contact; the first time creates it. */
    public MunicipalityContact set(String office, String phone, String email) {
        MunicipalityContact c = find().orElse(null);
        if (c == null) {
            c = new MunicipalityContact(office, phone, email);
            tenancy.em().persist(c);
        } else {
            c.change(office, phone, email);
        }
        tenancy.em().flush();
        return c;
    }
}
