package jp.machi.core.indicator.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import jp.machi.core.indicator.domain.RatingGrade;
import jp.machi.core.indicator.domain.RatingPolicy;
import jp.machi.core.indicator.domain.RatingScale;
import jp.machi.core.municipality.domain.Municipality;
import jp.machi.core.persistence.Tenancy;

/** A municipality's rating thresholds; the default scale until it sets its own. */
@ApplicationScoped
@Transactional
public class RatingScaleService {

    @Inject
    Tenancy tenancy;

    public RatingScale current() {
        List<RatingGrade> rows = tenancy.em().createNamedQuery("RatingGrade.all", RatingGrade.class).getResultList();
        RatingScale.InterimYears interim = policy().map(RatingPolicy::getInterimYears).orElse(RatingScale.InterimYears.NO_TARGET);
        return rows.isEmpty() ? RatingScale.defaultScale(interim)
                : new RatingScale(rows.stream().map(RatingGrade::toGrade).toList(), interim);
    }

    private Optional<RatingPolicy> policy() {
        return tenancy.em().createNamedQuery("RatingPolicy.mine", RatingPolicy.class).setMaxResults(1).getResultList()
                .stream().findFirst();
    }

    public boolean isCustom() {
        return !tenancy.em().createNamedQuery("RatingGrade.all", RatingGrade.class).setMaxResults(1).getResultList().isEmpty();
    }

    /**
     * Writers of the scale take turns: the municipality's row is the lock, held until commit, so a
     * second writer with the same If-Match reads the first one's scale afterwards and gets 412
     * (the scale has no row version of its own; without the lock the two replaced the same rows
     * and the loser got a 409 from the unique index).
     */
    public void lockForChange() {
        tenancy.platform().createNamedQuery("Municipality.byCode", Municipality.class).setParameter("code", tenancy.code())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    /** Only the rule for interim years; the grades stay (the default scale stays the default). */
    public void setInterimYears(RatingScale.InterimYears rule) {
        Optional<RatingPolicy> policy = policy();
        if (policy.isPresent()) {
            policy.get().setInterimYears(rule);
        } else {
            tenancy.em().persist(new RatingPolicy(rule));
        }
    }

    public void replace(RatingScale scale) {
        var em = tenancy.em();
        setInterimYears(scale.interimYears());
        em.createNamedQuery("RatingGrade.all", RatingGrade.class).getResultList().forEach(em::remove);
        em.flush();
        for (int i = 0; i < scale.grades().size(); i++) {
            em.persist(new RatingGrade(i, scale.grades().get(i)));
        }
        em.flush();
    }
}
